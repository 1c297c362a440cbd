import Foundation

@testable import BekalDomain

/// A small projection of demo events into portfolios, for tests only (the real one lives in the store):
/// corrections replace or retract the event they name.
enum DemoProjection {
    static func portfolios(_ data: DemoDataSet) -> [Portfolio] {
        var order: [UUID] = []
        var people: [UUID: Person] = [:]
        var records: [UUID: [(eventID: UUID, payload: LedgerPayload)]] = [:]
        for event in data.events {
            switch event.payload {
            case .personAdded(let person):
                order.append(person.id)
                people[person.id] = person
            case .corrected(let correction):
                guard let personID = correction.personID,
                    let index = records[personID]?.firstIndex(where: { $0.eventID == correction.correctedEventID })
                else { continue }
                if let replacement = correction.replacement {
                    records[personID]?[index].payload = replacement
                } else {
                    records[personID]?.remove(at: index)
                }
            case .released(let release):
                people[release.personID]?.status = .released
            case .transferred(let transfer):
                people[transfer.personID]?.status = .transferred
            default:
                if let personID = event.payload.personID { records[personID, default: []].append((event.id, event.payload)) }
            }
        }
        return order.compactMap { id in
            guard let person = people[id] else { return nil }
            var p = Portfolio(
                person: person, facility: data.facility, framework: data.framework, assessments: [], certificates: [],
                training: [], production: [])
            for (_, payload) in records[id] ?? [] {
                switch payload {
                case .assessmentRecorded(let a): p.assessments.append(a)
                case .certificateRecorded(let c): p.certificates.append(c)
                case .trainingRecorded(let t): p.training.append(t)
                case .productionRecorded(let e): p.production.append(e)
                default: break
                }
            }
            return p
        }
    }
}
