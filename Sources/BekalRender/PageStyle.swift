/// The page's inline style sheet: screen and A4 print. Only constants and CSS-escaped labels go in here.
enum PageStyle {
    /// What heads every printed sheet.
    struct SheetHeading {
        enum Tone { case valid, exceptions, invalid, draft }
        /// The verdict's headline (or the draft label).
        var verdict: String
        var tone: Tone
        /// The holder's name, when the export carries it.
        var name: String?
        /// A shortened fingerprint of the file (`nil` for a draft).
        var fingerprint: String?
    }

    /// - Parameter sheet: printed at the top of every sheet: the verdict (so no single sheet of an INVALID or draft
    ///   page can pass for a genuine one), the holder's name and the file's fingerprint.
    static func css(_ labels: PageLabels, sheet: SheetHeading) -> String {
        let colour = switch sheet.tone {
        case .valid: "#1e6b3a"
        case .exceptions: "#8a5a00"
        case .invalid: "#b3141b"
        case .draft: "#8a5a00"
        }
        var mark = "\n  @top-left { content: \(HTMLText.cssString(sheet.verdict)); font-size: 12pt; font-weight: 700; color: \(colour); }"
        if let name = sheet.name {
            mark += "\n  @top-center { content: \(HTMLText.cssString(name)); font-size: 10pt; color: #1d1d1b; }"
        }
        if let fingerprint = sheet.fingerprint {
            mark += "\n  @top-right { content: \(HTMLText.cssString(fingerprint)); font-size: 8pt; color: #5b5b57; font-family: \"DejaVu Sans Mono\", monospace; }"
        }
        let page = HTMLText.cssString(labels.page + " ")
        let of = HTMLText.cssString(" " + labels.pageOf + " ")
        let madeBy = HTMLText.cssString(labels.madeBy)
        return """
            :root { --ink: #1d1d1b; --muted: #5b5b57; --line: #d8d4cc; --ok: #1e6b3a; --bad: #b3141b; --warn: #8a5a00; --soga: #6b3f1d; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 14px/1.45 "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: var(--ink); background: #f6f3ee; }
            main { max-width: 1100px; margin: 0 auto; padding: 24px 32px 40px; background: #fff; }
            header.doc { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 3px solid var(--soga); padding-bottom: 8px; }
            header.doc h1 { margin: 0; font-size: 24px; color: var(--soga); letter-spacing: .5px; }
            header.doc .issued { color: var(--muted); font-size: 12px; }
            .verdict { margin: 16px 0; padding: 14px 18px; border-radius: 6px; border: 3px solid; }
            .verdict h2 { margin: 0 0 4px; font-size: 30px; letter-spacing: 2px; }
            .verdict p { margin: 2px 0; }
            .verdict.valid { border-color: var(--ok); background: #e8f4ec; color: var(--ok); }
            .verdict.invalid { border-color: var(--bad); background: #fde8e8; color: var(--bad); border-width: 6px; }
            .verdict.invalid h2 { font-size: 40px; }
            .verdict.draft { border-color: var(--warn); background: #fff6e0; color: var(--warn); border-style: dashed; }
            .verdict.exceptions { border-color: var(--warn); background: #fff6e0; color: var(--warn); }
            .verdict .sentence { font-size: 17px; font-weight: 600; color: var(--ink); margin: 4px 0 6px; }
            .verdict .unchecked { color: var(--warn); font-weight: 700; }
            .mark { display: inline-block; font-size: 11px; font-weight: 700; border-radius: 3px; padding: 0 4px; margin-left: 4px; }
            .mark.revoked, .mark.failed { color: #fff; background: var(--bad); }
            .mark.expired { color: var(--bad); border: 1px solid var(--bad); }
            tr.withdrawn td, tr.failed td { background: #fde8e8; }
            tr.withdrawn td:not(.status) { text-decoration: line-through; }
            .verdict ul { margin: 6px 0 0; padding-left: 20px; color: var(--ink); }
            .verdict .meta { color: var(--ink); font-size: 13px; word-break: break-all; }
            .verdict ul.notes { font-size: 12px; color: var(--muted); }
            section { margin-top: 22px; }
            h2.section { font-size: 17px; color: var(--soga); border-bottom: 1px solid var(--line); padding-bottom: 3px; margin: 0 0 8px; break-after: avoid; }
            dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 3px 16px; margin: 0; }
            dl.facts dt { color: var(--muted); }
            dl.facts dd { margin: 0; }
            table { width: 100%; border-collapse: collapse; font-size: 13px; }
            th, td { text-align: left; padding: 5px 6px; border-bottom: 1px solid var(--line); vertical-align: top; }
            th { background: #f1ece4; font-weight: 600; }
            tr, .card, figure { break-inside: avoid; page-break-inside: avoid; }
            thead { display: table-header-group; }
            td.code, .hash { font-family: "DejaVu Sans Mono", monospace; font-size: 12px; }
            .status { font-weight: 700; white-space: nowrap; }
            tr.kompeten .status { color: var(--ok); }
            tr.belumKompeten .status { color: var(--bad); }
            tr.notAssessed .status { color: var(--muted); font-weight: 400; }
            tr.notAssessed td { color: var(--muted); }
            .tag { display: inline-block; font-size: 11px; border: 1px solid var(--line); border-radius: 3px; padding: 0 4px; color: var(--muted); }
            .summary { display: flex; gap: 14px; margin: 4px 0 8px; font-size: 13px; }
            .summary span { padding: 2px 8px; border-radius: 10px; background: #f1ece4; }
            .sample { color: var(--warn); font-weight: 700; }
            .expired { color: var(--bad); font-weight: 700; }
            .mismatch, .missing { color: var(--bad); font-weight: 700; }
            .matched { color: var(--ok); }
            .totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 8px; margin-bottom: 10px; }
            .card { border: 1px solid var(--line); border-radius: 4px; padding: 6px 10px; }
            .card b { display: block; font-size: 20px; }
            figure { margin: 0; }
            figcaption { font-size: 13px; color: var(--muted); margin-bottom: 2px; }
            svg.chart { width: 100%; max-width: 640px; height: auto; }
            svg.chart .grid { stroke: #e6e1d8; stroke-width: 1; }
            svg.chart text { font-size: 11px; fill: #5b5b57; font-family: "DejaVu Sans", Arial, sans-serif; }
            svg.chart text.value { fill: #1d1d1b; font-weight: 600; }
            img.thumb { width: 72px; height: 72px; object-fit: cover; border: 1px solid var(--line); display: block; }
            .nothumb { width: 72px; height: 72px; border: 1px dashed var(--line); display: flex; align-items: center; justify-content: center; font-size: 22px; }
            .fingerprint { font-family: "DejaVu Sans Mono", monospace; font-size: 13px; word-break: break-all; padding: 6px 8px; background: #f1ece4; border-radius: 4px; }
            .watermark { position: fixed; top: 45%; left: -10%; right: -10%; text-align: center; font-size: 110px; font-weight: 800; transform: rotate(-28deg); pointer-events: none; z-index: 10; white-space: nowrap; }
            .watermark.invalid { color: rgba(179, 20, 27, .10); }
            .watermark.draft { color: rgba(138, 90, 0, .08); font-size: 80px; }
            footer { margin-top: 26px; font-size: 11px; color: var(--muted); }
            @page { size: A4; margin: 16mm 14mm 18mm;
              @bottom-right { content: \(page) counter(page) \(of) counter(pages); font-size: 9pt; color: #5b5b57; }
              @bottom-left { content: \(madeBy); font-size: 9pt; color: #5b5b57; }\(mark) }
            @media print {
              body { background: #fff; font-size: 11pt; }
              main { max-width: none; padding: 0; }
              .verdict { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              th, .summary span, .fingerprint, svg.chart rect, .mark, tr.withdrawn td, tr.failed td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              section { break-inside: auto; }
            }
            """
    }
}
