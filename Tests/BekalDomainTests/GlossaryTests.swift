import Testing
import BekalDomain

@Suite("The glossary: every word a counselor may type names exactly one term")
struct GlossaryTests {
    /// Every word of every term of `T`, as `init?(typed:)` compares them (lowercased), with the term it belongs to.
    static func words<T: GlossaryTerm & Equatable>(_ type: T.Type) -> [(word: String, term: T)] {
        T.allCases.flatMap { term in
            ([term.rawValue, term.label.id, term.label.en] + term.aliases).map { ($0.lowercased(), term) }
        }
    }

    /// No word belongs to two terms, and each word, typed as is, upper-cased or padded, names its own term.
    static func check<T: GlossaryTerm & Equatable>(_ type: T.Type) {
        var owner: [String: T] = [:]
        for (word, term) in words(type) {
            if let other = owner[word] { #expect(other == term, "\(T.self): '\(word)' names \(other) and \(term)") }
            owner[word] = term
        }
        for term in T.allCases {
            for word in [term.rawValue, term.label.id, term.label.en] + term.aliases {
                #expect(T(typed: word) == term, "\(T.self): '\(word)'")
                #expect(T(typed: "  " + word.uppercased() + " ") == term, "\(T.self): '\(word)' upper-cased and padded")
            }
        }
        #expect(T(typed: "") == nil)
        #expect(T(typed: "bukan-istilah") == nil)
    }

    @Test("outcomes, methods, assessor roles, release kinds, units, grades, person statuses, remisi kinds, roles")
    func everyGlossary() {
        Self.check(AssessmentOutcome.self)
        Self.check(AssessmentMethod.self)
        Self.check(AssessorRole.self)
        Self.check(ReleaseKind.self)
        Self.check(ProductionUnit.self)
        Self.check(QualityGrade.self)
        Self.check(PersonStatus.self)
        Self.check(Remission.Kind.self)
        Self.check(StaffRole.self)
    }
}
