import BekalDomain
import Foundation

/// Values as people type them (in a terminal or a form), turned into typed values with one rule set for every
/// front end: Indonesian or English words, `3,5` or `3.5`, `2026-12-06` or `6 Desember 2026`. A failure is an
/// `AppError.invalidInput` naming the field, never repeating the value (it may be a name or a register number).
public enum TypedInput {
    /// A calendar date.
    public static func date(_ text: String, field: String) throws(AppError) -> LocalDate {
        guard let date = LocalDate(typed: text) else {
            throw AppError(.invalidInput, "\(field): expected an existing date such as 2026-12-06 or 6 Desember 2026",
                           field: field, reason: .unknownDate)
        }
        return date
    }

    /// A non-negative decimal number (hours, quantities).
    public static func number(_ text: String, field: String) throws(AppError) -> Double {
        switch TypedNumber.parse(text) {
        case .success(let value): return value
        case .failure(let problem):
            throw AppError(.invalidInput, TypedNumber.message(problem, field: field), field: field,
                           reason: reason(for: problem))
        }
    }

    /// The reason for a number that cannot be read.
    private static func reason(for problem: TypedNumber.Problem) -> AppError.Reason {
        switch problem {
        case .notANumber: .notANumber
        case .ambiguousSeparator: .ambiguousSeparator
        case .tooManyDigits: .tooManyDigits
        }
    }

    /// A whole number of things (rework, rejects).
    public static func count(_ text: String, field: String) throws(AppError) -> Int {
        guard let value = TypedNumber.parseCount(text) else {
            throw AppError(.invalidInput, "\(field): expected a whole number such as 2", field: field,
                           reason: .notAWholeNumber)
        }
        return value
    }

    /// A term of the glossary: its value, its Indonesian or English name, or a usual abbreviation.
    public static func term<T: GlossaryTerm>(_ text: String, field: String, as type: T.Type) throws(AppError) -> T {
        guard let value = T(typed: text) else {
            throw AppError(.invalidInput, "\(field): expected one of \(T.acceptedWords)", field: field, reason: .notAnOption)
        }
        return value
    }

    /// A person named by register number or internal id.
    public static func person(_ text: String, field: String = "PERSON") throws(AppError) -> PersonReference {
        guard VisibleText.isVisible(text), let reference = PersonReference(text) else {
            throw AppError(.invalidInput, "\(field): expected a register number or an id", field: field,
                           reason: .personReference)
        }
        return reference
    }

    /// Text (a name, a topic, a reason): required, visible characters only (line breaks too when `multiline`),
    /// at most `maxLength`.
    public static func text(_ text: String, field: String, maxLength: Int = 500, multiline: Bool = false) throws(AppError)
        -> String
    {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw AppError(.invalidInput, "\(field): a value is required", field: field, reason: .valueRequired)
        }
        guard VisibleText.isVisible(trimmed, lineBreaks: multiline) else {
            throw AppError(.invalidInput, "\(field): contains a control or invisible character", field: field,
                           reason: .invisibleCharacter)
        }
        guard trimmed.count <= maxLength else {
            throw AppError(.invalidInput, "\(field): at most \(maxLength) characters", field: field, reason: .tooLong)
        }
        return trimmed
    }

    /// Optional free text: `nil` or blank stays `nil`.
    public static func optionalText(_ text: String?, field: String, maxLength: Int = 500) throws(AppError) -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return try self.text(text, field: field, maxLength: maxLength, multiline: true)
    }
}
