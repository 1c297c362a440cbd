import Foundation
import Testing

@testable import BekalDomain

@Suite("Sample batik cap framework")
struct SampleFrameworkTests {
    @Test("is clearly labelled as a sample and not an SKKNI")
    func labelledAsSample() {
        let sample = CompetencyFramework.sampleBatikCap
        #expect(sample.isSample)
        #expect(sample.title.id.contains("SAMPLE / CONTOH"))
        #expect(sample.title.en.contains("SAMPLE / CONTOH"))
        #expect(sample.source?.contains("not an official SKKNI") == true)
        #expect(sample.units.allSatisfy { $0.code.hasPrefix("SAMPLE.BTKCAP.") })
    }

    @Test("covers the production steps, from mori to lorod and quality control")
    func coversProductionSteps() {
        let titles = CompetencyFramework.sampleBatikCap.units.map(\.title.id).joined(separator: " ")
        for step in ["mori", "meja cap", "malam", "mengikuti pola", "celup", "colet", "Melorod", "mutu"] {
            #expect(titles.contains(step), "missing step \(step)")
        }
    }

    @Test("passes the framework rules")
    func passesRules() throws {
        try FrameworkDocument.check(CompetencyFramework.sampleBatikCap)
    }

    @Test("the shipped example file holds the same framework and passes the schema")
    func exampleFileMatches() throws {
        let data = try Data(contentsOf: TestSupport.sampleFrameworkFile)
        #expect(try FrameworkDocument.decode(json: data) == CompetencyFramework.sampleBatikCap)
        let verdicts = try TestSupport.jsonSchemaAccepts(
            schema: TestSupport.frameworkSchema, files: [TestSupport.sampleFrameworkFile])
        #expect(verdicts[TestSupport.sampleFrameworkFile.path] == true)
    }
}
