import BekalDomain
@testable import BekalRender
import Foundation
import Testing

@Suite("One string table, two languages")
struct PageLabelsTests {
    static func entries(_ labels: PageLabels) -> [(String, String)] {
        Mirror(reflecting: labels).children.compactMap { child in
            guard let name = child.label, let value = child.value as? String else { return nil }
            return (name, value)
        }
    }

    @Test("both languages have every label, none empty or padded", arguments: PageLanguage.allCases)
    func complete(language: PageLanguage) {
        let entries = Self.entries(language.labels)
        #expect(entries.count == Mirror(reflecting: language.labels).children.count)
        #expect(entries.count >= 60)
        for (name, value) in entries {
            #expect(!value.isEmpty, "\(language.rawValue).\(name) is empty")
            #expect(value == value.trimmingCharacters(in: .whitespacesAndNewlines), "\(language.rawValue).\(name) is padded")
        }
    }

    @Test("the two tables are translations, not copies")
    func translated() {
        let indonesian = Dictionary(uniqueKeysWithValues: Self.entries(.indonesian))
        let english = Dictionary(uniqueKeysWithValues: Self.entries(.english))
        #expect(Set(indonesian.keys) == Set(english.keys))
        let same = indonesian.keys.filter { indonesian[$0] == english[$0] }.sorted()
        // Only words that are the same in both languages.
        #expect(same == ["columnStatus"])
    }

    @Test("Bahasa Indonesia is the default page language")
    func defaultLanguage() throws {
        let view = PortfolioView(draft: try SampleRecord.portfolio(), today: .init("2026-11-27")!, evidence: nil)
        let html = PortfolioPage(view: view).html()
        #expect(html.contains(#"<html lang="id">"#))
        #expect(html.contains(PageLabels.indonesian.sectionCompetency))
        #expect(!html.contains(PageLabels.english.sectionCompetency))
    }
}
