import Foundation
import GRDB
import GRDBSQLite

/// Binds values to a cached GRDB statement through SQLite's C API and runs it once. The bulk import's two
/// inserts per row spent a large share of their time building `StatementArguments`; this skips that, for those
/// statements only. Failures become `DatabaseError`s as GRDB's own would.
struct DirectInsert {
    private let statement: SQLiteStatement
    private var position: Int32 = 0

    /// SQLite copies the bytes before `bind` returns, so Swift strings need not outlive the call.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ statement: Statement) {
        self.statement = statement.sqliteStatement
        sqlite3_reset(self.statement)
    }

    mutating func text(_ value: String?) {
        position += 1
        guard var value else {
            sqlite3_bind_null(statement, position)
            return
        }
        value.withUTF8 { utf8 in
            _ = sqlite3_bind_text(statement, position, utf8.baseAddress, Int32(utf8.count), DirectInsert.transient)
        }
    }

    /// Binds UTF-8 bytes as TEXT.
    mutating func bytes(_ utf8: [UInt8]) {
        position += 1
        utf8.withUnsafeBufferPointer { buffer in
            // An empty array may have no address, and a null pointer would bind NULL instead of ''.
            guard let base = buffer.baseAddress else {
                _ = sqlite3_bind_text(statement, position, "", 0, DirectInsert.transient)
                return
            }
            _ = sqlite3_bind_text(statement, position, base, Int32(buffer.count), DirectInsert.transient)
        }
    }

    /// Binds a UUID as its stored text (lowercase), without a `String`.
    mutating func uuid(_ id: UUID) {
        position += 1
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 36) { text in
            UUIDText.write(id, into: text)
            _ = sqlite3_bind_text(statement, position, text.baseAddress, 36, DirectInsert.transient)
        }
    }

    mutating func integer(_ value: Int64) {
        position += 1
        sqlite3_bind_int64(statement, position, value)
    }

    mutating func real(_ value: Double) {
        position += 1
        sqlite3_bind_double(statement, position, value)
    }

    /// Steps the statement once, then resets it so that it holds no lock.
    func run() throws {
        let code = sqlite3_step(statement)
        if code != SQLITE_DONE {
            let message = sqlite3_errmsg(sqlite3_db_handle(statement)).map { String(cString: $0) }
            sqlite3_reset(statement)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
        }
        sqlite3_reset(statement)
    }
}
