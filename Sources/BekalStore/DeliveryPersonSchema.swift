import GRDB

/// What a queued delivery carries and for whom (v11). Never edited once shipped.
enum DeliveryPersonSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        // The Ekspor page listed deliveries without saying whose portfolio each was, so a refused delivery could
        // not be traced to the person to send again. New rows record the kind and the person; existing rows get
        // their kind from the body's `type` (a body that is not JSON stays a portfolio) and no person: the person
        // is inside the base64 export, which SQL cannot read.
        migrator.registerMigration("v11-delivery-kind-person") { db in
            try db.execute(sql: """
                ALTER TABLE portfolio_delivery ADD COLUMN kind TEXT NOT NULL DEFAULT 'portfolio';
                ALTER TABLE portfolio_delivery ADD COLUMN person_id TEXT REFERENCES person(id);
                UPDATE portfolio_delivery SET kind = 'status-list'
                    WHERE CASE WHEN json_valid(CAST(body AS TEXT)) THEN json_extract(CAST(body AS TEXT), '$.type') END
                        = 'BekalStatusListDelivery';
                """)
        }
    }
}
