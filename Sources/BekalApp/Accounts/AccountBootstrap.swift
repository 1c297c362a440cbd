import BekalDomain
import Foundation

/// The accounts a new data directory starts with, so that no event ever names an account that does not exist:
/// `bekal init` makes the account that runs it the first admin (its password is set later with `bekal user
/// password`; until then it acts only from the CLI), and `bekal demo` creates the demo's staff accounts.
enum AccountBootstrap {
    /// The first admin: the account running `init` (`--actor`, `$BEKAL_ACCOUNT`, else the OS user).
    /// - Throws: invalid input when that name is not a valid account name.
    static func firstAdmin(_ actor: Actor) throws(AppError) -> LedgerEntry {
        guard AccountName.isValid(actor.account) else {
            throw AppError(
                .invalidInput,
                "the first admin's account name must be 1 to 64 letters, digits, '.', '_', '@' or '-'; "
                    + "give one with --actor or $BEKAL_ACCOUNT", field: "actor")
        }
        return LedgerEntry(.account(AccountEvent(action: .created, account: actor.account, role: .admin)))
    }

    /// The demo's staff accounts: its admin, counselor (responsible for every demo person) and assessor, plus
    /// the account running `demo` as another admin; then every person assigned to the demo counselor.
    /// - Parameter events: the demo's events, the facility first.
    static func demoEntries(_ events: [DemoEvent], runBy actor: Actor) throws(AppError) -> [LedgerEntry] {
        var entries = events.map {
            LedgerEntry($0.payload, eventID: $0.id, actor: $0.actor, facilityCode: $0.facilityCode)
        }
        let admin = DemoFacility.administrator
        var accounts: [(String, StaffRole)] = [
            (admin, .admin), (DemoFacility.recorder, .counselor), (DemoFacility.assessorActor, .assessor),
        ]
        if !accounts.contains(where: { $0.0 == actor.account }) {
            _ = try firstAdmin(actor)
            accounts.append((actor.account, .admin))
        }
        let created = accounts.map { name, role in
            LedgerEntry(.account(AccountEvent(action: .created, account: name, role: role)), actor: admin)
        }
        entries.insert(contentsOf: created, at: min(1, entries.count))
        for event in events {
            guard case .personAdded(let person) = event.payload else { continue }
            entries.append(LedgerEntry(
                .account(AccountEvent(action: .caseloadAssigned, account: DemoFacility.recorder, personID: person.id)),
                actor: admin))
        }
        return entries
    }
}
