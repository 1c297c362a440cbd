import BekalApp
import BekalRender
import BekalWeb
import Testing

/// App errors are English (written for the CLI); the Indonesian pages say them in Indonesian.
@Suite("Refusals in the page's language")
struct MessagesTests {
    /// Failures the pages can show, as the use cases word them.
    static let shown: [AppError] = [
        AppError(.conflict, "the portfolio has nothing to export yet: no Kompeten unit, certificate, training or production that stands", reason: .nothingToExport),
        AppError(.notFound, "the export has expired; export again", reason: .exportExpired),
        AppError(.notFound, "no evidence file with this name", reason: .noEvidenceFile),
        AppError(.notFound, "no event with this id", reason: .noSuchEvent),
        AppError(.conflict, "evidence is attached to an assessment; this event is a training.recorded", reason: .evidenceOnAssessmentOnly),
        AppError(.invalidInput, "expires: the expiry date is before the issue date", reason: .expiryBeforeIssue),
        AppError(.usage, "a report with noise spends privacy budget; queue it instead of previewing it", reason: .noiseNeedsQueue),
        AppError(.invalidInput, "only a finished period can be queued: 2026-Q4 ends on 2026-12-31, which is not before today (2026-11-15); a queued report is final, so queue it from 2027-01-01 on (a preview without queueing is allowed meanwhile)", reason: .periodNotEnded),
        AppError(.invalidInput, "account: use 1 to 64 letters, digits, '.', '_', '@' or '-'", reason: .accountName),
        AppError(.invalidInput, "password: at least 12 characters", reason: .passwordTooShort),
        AppError(.invalidInput, "password: contains a control character (a line break?)", reason: .passwordControlCharacter),
        AppError(.conflict, "a caseload is assigned to an active counselor account", reason: .counselorRequired),
        AppError(.conflict, "you cannot disable your own account", reason: .cannotDisableSelf),
        AppError(.notFound, "this data directory has no issuer key; run `bekal keys create`", reason: .noIssuerKey),
        AppError(.permission, "the form has expired; open the page again", reason: .formExpired),
        AppError(.invalidInput, "the evidence file's content does not match its extension", reason: .contentDoesNotMatchExtension),
    ]

    @Test("every failure a page can show has its own Indonesian text")
    func everyShownFailureTranslated() {
        for failure in Self.shown {
            #expect(Messages.translation(failure) != nil, "no Indonesian text for: \(failure.message)")
        }
        #expect(Messages.text(Self.shown[0], .indonesian).hasPrefix("Belum ada yang dapat diekspor"))
        #expect(Messages.text(Self.shown[0], .english).hasPrefix("The portfolio has nothing to export yet"))
    }

    @Test("every reason has its Indonesian text, and the table holds no other")
    func everyReasonTranslated() {
        for reason in AppError.Reason.all {
            #expect(Messages.reasons[reason] != nil, "no Indonesian text for the reason \(reason)")
            #expect(Messages.translation(AppError(.usage, "any english sentence", reason: reason)) == Messages.reasons[reason],
                    "\(reason)")
        }
        #expect(Set(AppError.Reason.all).count == AppError.Reason.all.count, "AppError.Reason.all lists a reason twice")
        for (reason, text) in Messages.reasons {
            #expect(AppError.Reason.all.contains(reason), "\(reason) is missing from AppError.Reason.all")
            #expect(!text.isEmpty && text.hasSuffix("."), "\(reason): \(text)")
        }
    }

    @Test("rewording the English message cannot change the Indonesian text: the reason decides")
    func rewordingKeepsTranslation() {
        let reworded = AppError(.permission, "this detainee is outside the people assigned to you", reason: .notInCaseload)
        #expect(Messages.text(reworded, .indonesian) == "WBP ini bukan binaan Anda; minta admin menugaskannya kepada Anda.")
        #expect(Messages.text(reworded, .english) == "This detainee is outside the people assigned to you.")
        // The old English wording without a reason is no longer matched: only the class of failure is said.
        let unreasoned = AppError(.permission, "this person is not in your caseload; ask an admin to assign them to you")
        #expect(Messages.translation(unreasoned) == nil)
        #expect(Messages.text(unreasoned, .indonesian) == "Tidak diizinkan.")
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
