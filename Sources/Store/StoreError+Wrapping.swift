import Foundation
import GRDB

extension StoreError {
    /// Runs `body` and turns whatever it throws into a `StoreError` that names `path` and `operation`.
    static func wrapping<T>(path: String, operation: String, _ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw classify(error, path: path, operation: operation)
        } catch {
            throw .sqlite(path: path, operation: operation, message: reason(error))
        }
    }

    /// Maps SQLite result codes that describe the file itself to the cases a user can act on.
    static func classify(_ error: DatabaseError, path: String, operation: String) -> StoreError {
        let message = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_NOTADB:
            return .notADatabase(path: path)
        case .SQLITE_CORRUPT:
            return .corrupt(path: path, detail: message)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY:
            return .cannotOpen(path: path, reason: message)
        default:
            return .sqlite(path: path, operation: operation, message: message)
        }
    }

    /// A short human reason for a Foundation or system error.
    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return underlying.localizedDescription
        }
        return nsError.localizedDescription
    }
}
