import ArgumentParser
import BekalApp
import BekalCredentials
import BekalLog
import Foundation

/// How `bekal ledger verify --checkpoint` prints what it found (text or JSON) and exits: 0 when the ledger
/// matches the checkpoint, 1 when it does not or the checkpoint was rejected.
enum LedgerAuditOutput {
    struct Report: Encodable {
        struct Cosignature: Encodable {
            var name: String
            var time: String?
            var status: String
        }
        struct Failure: Encodable {
            var reason: String
            var firstEvent: Int64?
            var lastEvent: Int64?
            var message: String
        }
        struct Appended: Encodable {
            var sequence: Int64
            var type: String
            var actor: String
            /// Whether the actor was an account of the facility when the event was recorded (`unknown-actor`).
            var actorKnown: Bool
            var recordedAt: String
        }
        var matches: Bool
        var rejected: String?
        var origin: String?
        var checkpointSize: UInt64?
        var checkpointRoot: String?
        var signedBy: String?
        var signedByCurrentKey: Bool?
        var cosignatures: [Cosignature]?
        var eventCount: Int64?
        var failures: [Failure]?
        var appended: [Appended]?
    }

    /// At most this many appended events are listed in text (all of them in JSON).
    static let listedAppends = 50

    static func print(_ result: LedgerCheckpointVerification, json: Bool) throws {
        guard case .audited(let found) = result else {
            if case .rejected(let reason) = result {
                if json { try Output.json(Report(matches: false, rejected: reason)) }
                else { Swift.print("Checkpoint REJECTED: \(reason)") }
            }
            throw ExitCode(ExitStatus.verificationFailed.rawValue)
        }
        let audit = found.audit
        if json {
            try Output.json(Report(
                matches: audit.isIntact, origin: found.checkpoint.origin,
                checkpointSize: found.checkpoint.treeHead.size, checkpointRoot: found.checkpoint.treeHead.root.base64,
                signedBy: found.signedBy.validity.didKey.did, signedByCurrentKey: found.signedBy.isCurrent,
                cosignatures: found.cosignatures.map {
                    Report.Cosignature(name: $0.name, time: $0.time.map(Self.time), status: $0.status.rawValue)
                },
                eventCount: audit.eventCount,
                failures: audit.failures.map {
                    Report.Failure(reason: $0.reason, firstEvent: $0.events?.lowerBound, lastEvent: $0.events?.upperBound,
                                   message: $0.message)
                },
                appended: audit.appended.map {
                    Report.Appended(sequence: $0.sequence, type: $0.type, actor: $0.actor, actorKnown: $0.actorIsKnown,
                                    recordedAt: $0.recordedAt)
                }))
        } else {
            text(found)
        }
        if !audit.isIntact { throw ExitCode(ExitStatus.verificationFailed.rawValue) }
    }

    private static func text(_ found: CheckpointAudit) {
        let audit = found.audit
        let head = found.checkpoint.treeHead
        let key = found.signedBy.isCurrent ? "the current key" : "a retired key"
        let witnessed = found.cosignatures.filter { $0.status == .verified }
            .map { "; cosigned by \($0.name)\($0.time.map { " at " + Self.time($0) } ?? "")" }.joined()
        if audit.isIntact {
            Swift.print("Ledger MATCHES the checkpoint of \(head.size) events (\(found.checkpoint.origin), signed by \(key))\(witnessed)")
        } else {
            Swift.print("Ledger DOES NOT MATCH the checkpoint of \(head.size) events (\(found.checkpoint.origin), signed by \(key))\(witnessed):")
            for failure in audit.failures {
                Swift.print("  \(failure.reason) \(events(failure.events)): \(failure.message)")
            }
        }
        for line in found.cosignatures where line.status == .unverified {
            Swift.print("  (a cosignature by \(line.name) was not checked: give --witness-key to check it)")
        }
        guard !audit.appended.isEmpty else { return }
        var counts: [String: Int] = [:]
        var unknown = Set<String>()
        for event in audit.appended {
            counts[event.actor, default: 0] += 1
            if !event.actorIsKnown { unknown.insert(event.actor) }
        }
        let ordered: [(actor: String, count: Int)] = counts.map { (actor: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.actor < $1.actor }
        let actors = ordered.map { "\($0.actor)\(unknown.contains($0.actor) ? " (UNKNOWN)" : ""): \($0.count)" }
            .joined(separator: ", ")
        Swift.print("\(audit.appended.count) event(s) appended after the checkpoint, attributable to their actors "
            + "(by actor: \(actors)); they become permanent once a witness cosigns a later checkpoint:")
        for event in audit.appended.prefix(listedAppends) {
            let marked = event.actorIsKnown ? "" : " (UNKNOWN ACTOR: no such account when it was recorded)"
            Swift.print("  event \(event.sequence) \(event.type) by \(event.actor)\(marked) at \(event.recordedAt)")
        }
        if audit.appended.count > listedAppends {
            Swift.print("  … and \(audit.appended.count - listedAppends) more (--json lists every one)")
        }
    }

    private static func events(_ range: ClosedRange<Int64>?) -> String {
        guard let range else { return "" }
        return range.count == 1 ? "event \(range.lowerBound)" : "events \(range.lowerBound)-\(range.upperBound)"
    }

    private static func time(_ date: Date) -> String { Date.ISO8601FormatStyle().format(date) }
}
