import BekalDomain
import GRDB

extension Projection {
    /// A credential is revoked once: a second revocation would say nothing new and hide the first reason.
    static func checkRevocation(_ revocation: CredentialRevocation, _ db: Database) throws {
        let revoked = try Bool.fetchOne(
            db, sql: "SELECT 1 FROM revocation WHERE credential_id = ?", arguments: [revocation.credentialID])
        if revoked == true { throw StoreError(.conflict, "the credential is already revoked") }
    }
}
