import Foundation
import Testing

@testable import BekalDomain

@Suite("Demo facility generator")
struct DemoFacilityTests {
    static let today = LocalDate("2026-11-29")!

    @Test("the same seed gives identical events; another seed gives different ones")
    func determinism() {
        let a = DemoFacility.generate(people: 25, seed: 42, today: Self.today)
        let b = DemoFacility.generate(people: 25, seed: 42, today: Self.today)
        let c = DemoFacility.generate(people: 25, seed: 43, today: Self.today)
        #expect(a.events == b.events)
        #expect(a.events != c.events)
        #expect(a.payloads.count == a.events.count)
    }

    @Test("about 100 events per person, each person added before their records")
    func shape() {
        let data = DemoFacility.generate(people: 50, seed: 1, today: Self.today)
        let perPerson = Double(data.events.count - 2) / 50
        #expect((90...115).contains(perPerson), "\(perPerson) events per person")
        #expect(data.events[0].payload.kind == "facility.initialized")
        #expect(data.events[1].payload.kind == "framework.imported")
        var added = Set<UUID>()
        var seenEvents = Set<UUID>()
        for event in data.events {
            #expect(seenEvents.insert(event.id).inserted, "event ids are unique")
            if case .personAdded(let p) = event.payload { added.insert(p.id) }
            if let id = event.payload.personID { #expect(added.contains(id)) }
            if case .corrected(let c) = event.payload { #expect(seenEvents.contains(c.correctedEventID)) }
        }
        #expect(added.count == 50)
    }

    @Test("every generated record passes record validation, in ledger order")
    func everyRecordValid() {
        let data = DemoFacility.generate(people: 200, seed: 9, today: Self.today)
        var people: [UUID: Person] = [:]
        var frameworks: [CompetencyFramework] = []
        var invalid: [String] = []
        for event in data.events {
            let context = RecordContext(
                today: Self.today, person: event.payload.personID.flatMap { people[$0] }, frameworks: frameworks)
            let result = RecordValidation.validate(event.payload, in: context)
            if !result.isValid { invalid.append("\(event.payload.kind): \(result.errors)") }
            switch event.payload {
            case .personAdded(let p): people[p.id] = p
            case .frameworkImported(let f): frameworks.append(f)
            default: break
            }
        }
        #expect(invalid.isEmpty, "\(invalid.prefix(5))")
    }

    @Test("records are dated between admission and today, and in date order per person")
    func datesInWindow() {
        let data = DemoFacility.generate(people: 100, seed: 3, today: Self.today)
        var admission: [UUID: LocalDate] = [:]
        var last: [UUID: LocalDate] = [:]
        for event in data.events {
            let date: LocalDate?
            switch event.payload {
            case .personAdded(let p):
                admission[p.id] = p.admissionDate
                date = nil
            case .assessmentRecorded(let a): date = a.date
            case .trainingRecorded(let t): date = t.date
            case .productionRecorded(let e): date = e.date
            case .released(let r): date = r.date
            case .transferred(let t): date = t.date
            default: date = nil
            }
            guard let date, let id = event.payload.personID, let admitted = admission[id] else { continue }
            #expect(date >= admitted && date <= Self.today)
            #expect(date >= last[id] ?? date)
            last[id] = date
        }
    }

    @Test("the data has the mix a demo needs: due releases, BK→K, an expired certificate, corrections, exits")
    func mix() {
        let data = DemoFacility.generate(people: 100, seed: 5, today: Self.today)
        let people = data.payloads.compactMap { if case .personAdded(let p) = $0 { p } else { nil } }
        let days = people.map { $0.expectedReleaseDate.daysSinceEpoch - Self.today.daysSinceEpoch }
        #expect(days.contains { (1...30).contains($0) })
        #expect(days.contains { (31...60).contains($0) })
        #expect(days.contains { (61...90).contains($0) })
        let kinds = data.payloads.map(\.kind)
        #expect(kinds.contains("person.released"))
        #expect(kinds.contains("person.transferred"))
        #expect(kinds.filter { $0 == "record.corrected" }.count >= 5)
        let certificates = data.payloads.compactMap { if case .certificateRecorded(let c) = $0 { c } else { nil } }
        #expect(certificates.contains { $0.isExpired(on: Self.today) })
        #expect(certificates.contains { !$0.isExpired(on: Self.today) })
        let portfolios = DemoProjection.portfolios(data)
        let reassessed = portfolios.contains { p in
            p.assessments.contains { bk in
                bk.outcome == .belumKompeten
                    && p.assessments.contains { $0.unitCode == bk.unitCode && $0.outcome == .kompeten && $0.date >= bk.date }
            }
        }
        #expect(reassessed)
        let reports = portfolios.map { Readiness.evaluate($0, policy: .default, today: Self.today) }
        #expect(reports.contains { $0.ready } && reports.contains { !$0.ready })
    }

    @Test("people are clearly fake: DEMO names and DEMO-0001/2026 register numbers")
    func fakePeople() {
        let data = DemoFacility.generate(people: 12, seed: 11, today: Self.today)
        let people = data.payloads.compactMap { if case .personAdded(let p) = $0 { p } else { nil } }
        #expect(people[0].registerNumber.rawValue == "DEMO-0001/2026")
        #expect(people[11].registerNumber.rawValue == "DEMO-0012/2026")
        #expect(people.allSatisfy { $0.fullName.rawValue.hasPrefix("DEMO ") })
        #expect(data.framework.isSample)
        #expect(data.facility.name.hasPrefix("DEMO"))
    }

    @Test("given a hasher, every evidence item names a placeholder file by its hash; the rest of the data is the same")
    func placeholderEvidence() {
        // Not SHA-256 (the domain has no hasher): any function of the bytes shows that the names come from it.
        func digest(_ bytes: [UInt8]) -> String {
            var value: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 64 - hex.count) + hex
        }
        let plain = DemoFacility.generate(people: 12, seed: 4, today: Self.today)
        let data = DemoFacility.generate(people: 12, seed: 4, today: Self.today, sha256: digest)
        #expect(plain.evidenceFiles.isEmpty)
        #expect(data.events.map(\.id) == plain.events.map(\.id))
        let files = Dictionary(data.evidenceFiles.map { ($0.sha256, $0) }, uniquingKeysWith: { first, _ in first })
        var named = 0
        for event in data.events {
            guard case .assessmentRecorded(let assessment) = event.payload else { continue }
            for evidence in assessment.evidence {
                named += 1
                let file = files[evidence.sha256]
                #expect(file.map { digest($0.bytes) } == evidence.sha256)
                #expect(file?.bytes.count == evidence.byteCount)
                #expect(evidence.mediaType == "text/plain")
                #expect(file.map { String(decoding: $0.bytes, as: UTF8.self).hasPrefix("DEMO placeholder evidence") } == true)
            }
        }
        #expect(named > 0)
        #expect(named == data.evidenceFiles.count)
    }
}
