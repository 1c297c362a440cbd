import BekalCredentials
import BekalDomain
import Foundation

/// The verdict at the top of the page: the headline, the one sentence naming the facility and the counts, what
/// was not checked, the items that do not stand (or the checks that failed), in the page's language.
struct VerdictBanner {
    var view: PortfolioView
    var language: PageLanguage

    private var labels: PageLabels { language.labels }
    private func e(_ text: String) -> String { HTMLText.escape(text) }

    var html: String {
        switch view.verdict {
        case .valid(let issuer, let checkedAt):
            return """
                <div class="verdict valid" id="verdict" data-verdict="VALID"><h2>✔ \(e(labels.verdictValid))</h2>
                \(sentence)<p>\(e(labels.verdictValidNote))</p>
                \(issuerLine(issuer))\(checkedLine(checkedAt))\(notes)</div>
                """
        case .validWithExceptions(let issuer, let checkedAt):
            let items = view.summary?.exceptions.map { exception in
                "<li><b>\(e(VerdictText.credential(exception.credential, language)))</b>: \(e(exceptionText(exception)))</li>"
            } ?? []
            return """
                <div class="verdict exceptions" id="verdict" data-verdict="VALID-WITH-EXCEPTIONS"><h2>✔ \(e(labels.verdictValidWithExceptions))</h2>
                \(sentence)<p>\(e(labels.verdictExceptionsNote))</p>
                <p class="meta">\(e(labels.exceptionItems)):</p><ul class="exceptions">\(items.joined())</ul>
                \(issuerLine(issuer))\(checkedLine(checkedAt))\(notes)</div>
                """
        case .invalid(let failures, let checkedAt):
            let items = failures.prefix(50).map { failure in
                let which = failure.credential.kind == .export ? "" : " — " + VerdictText.credential(failure.credential, language)
                let text = language == .english
                    ? failure.message
                    : CheckText.finding(check: failure.check, code: failure.code, date: failure.date, detail: failure.message, language)
                return #"<li data-check="\#(e(failure.check))"><b>\#(e(CheckText.name(failure.check, language)))</b>\#(e(which)) [\#(e(failure.subject))]: \#(e(text))</li>"#
            }
            let more = failures.count > 50 ? "<li>… +\(failures.count - 50)</li>" : ""
            return """
                <div class="verdict invalid" id="verdict" data-verdict="INVALID"><h2>✘ \(e(labels.verdictInvalid))</h2>
                \(sentence)<p><b>\(e(labels.verdictInvalidNote))</b></p>
                <p class="meta">\(e(labels.failedChecks)):</p>
                <ul class="failures">\(items.joined())\(more)</ul>
                \(checkedLine(checkedAt))\(notes)</div>
                """
        case .draft(let preparedOn):
            return """
                <div class="verdict draft" id="verdict" data-verdict="DRAFT"><h2>\(e(labels.verdictDraft))</h2>
                <p>\(e(labels.verdictDraftNote))</p>
                <p class="meta">\(e(labels.preparedOn)): \(e(PageFormat.date(preparedOn, language)))</p></div>
                """
        }
    }

    /// The one sentence, and what was not checked, right under the headline.
    private var sentence: String {
        guard let summary = view.summary else { return "" }
        let revocation = VerdictText.revocationNote(summary, language).map {
            #"<p class="unchecked" id="revocation-note">\#(e($0))</p>"#
        } ?? ""
        return #"<p class="sentence" id="verdict-sentence">\#(e(VerdictText.sentence(summary, language)))</p>\#(revocation)"#
    }

    private func issuerLine(_ issuer: String) -> String {
        #"<p class="meta">\#(e(labels.trustedIssuer)): <span class="hash">\#(e(issuer))</span></p>"#
    }

    private func checkedLine(_ date: Date) -> String {
        #"<p class="meta">\#(e(labels.checkedAt)): \#(e(PageFormat.dateTime(date, language)))</p>"#
    }

    private func exceptionText(_ exception: VerificationException) -> String {
        switch exception.kind {
        case .revoked:
            CheckText.finding(check: exception.check, code: .revoked, date: nil, detail: exception.message, language)
        case .expired(let on):
            CheckText.finding(check: exception.check, code: .expired, date: on, detail: exception.message, language)
        }
    }

    private var notes: String {
        guard !view.checkNotes.isEmpty else { return "" }
        let items = view.checkNotes.prefix(20).map { note in
            let text = CheckText.finding(check: note.check, code: note.code, date: note.date, detail: note.message, language)
            return "<li><b>\(e(CheckText.name(note.check, language)))</b>: \(e(text))\(note.count > 1 ? " (×\(note.count))" : "")</li>"
        }
        return #"<p class="meta">\#(e(labels.checkNotes)):</p><ul class="notes">\#(items.joined())</ul>"#
    }
}
