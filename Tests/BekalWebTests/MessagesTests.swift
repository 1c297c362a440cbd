import BekalApp
import BekalRender
import BekalWeb
import Testing

/// App errors are English (written for the CLI); the Indonesian pages say them in Indonesian.
@Suite("Refusals in the page's language")
struct MessagesTests {
    /// Failures the pages can show, as the use cases word them.
    static let shown: [AppError] = [
        AppError(.conflict, "the portfolio has nothing to export yet: no Kompeten unit, certificate, training or production that stands"),
        AppError(.notFound, "the export has expired; export again"),
        AppError(.notFound, "no evidence file with this name"),
        AppError(.notFound, "no event with this id"),
        AppError(.conflict, "evidence is attached to an assessment; this event is a training.recorded"),
        AppError(.invalidInput, "expires: the expiry date is before the issue date"),
        AppError(.usage, "a report with noise spends privacy budget; queue it instead of previewing it"),
        AppError(.invalidInput, "only a finished period can be queued: 2026-Q4 ends on 2026-12-31, which is not before today (2026-11-15); a queued report is final, so queue it from 2027-01-01 on (a preview without queueing is allowed meanwhile)"),
        AppError(.invalidInput, "account: use 1 to 64 letters, digits, '.', '_', '@' or '-'"),
        AppError(.invalidInput, "password: at least 12 characters"),
        AppError(.invalidInput, "password: contains a control character (a line break?)"),
        AppError(.conflict, "a caseload is assigned to an active counselor account"),
        AppError(.conflict, "you cannot disable your own account"),
        AppError(.notFound, "this data directory has no issuer key; run `bekal keys create`"),
        AppError(.permission, "the form has expired; open the page again"),
        AppError(.invalidInput, "the evidence file's content does not match its extension"),
    ]

    @Test("every failure a page can show has its own Indonesian text")
    func everyShownFailureTranslated() {
        for failure in Self.shown {
            #expect(Messages.translation(failure) != nil, "no Indonesian text for: \(failure.message)")
        }
        #expect(Messages.text(Self.shown[0], .indonesian).hasPrefix("Belum ada yang dapat diekspor"))
        #expect(Messages.text(Self.shown[0], .english).hasPrefix("The portfolio has nothing to export yet"))
    }

    @Test("a failure nobody translated is said by its class in Indonesian, never in English")
    func untranslatedNeverEnglish() {
        let codes: [AppError.Code] = [.usage, .notFound, .invalidInput, .conflict, .storage, .permission, .network]
        var texts: Set<String> = []
        for code in codes {
            let text = Messages.text(AppError(code, "an english sentence nobody translated"), .indonesian)
            #expect(!text.contains("english sentence"), "\(code)")
            texts.insert(text)
        }
        #expect(texts.count == codes.count, "each class of failure has its own sentence")
    }
}
