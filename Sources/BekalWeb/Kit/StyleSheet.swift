import HTTPTypes
import Hummingbird
import NIOCore

/// The one stylesheet, served from `/static/bekal.css` (the CSP allows styles from this site only, no inline
/// style). Mobile first: one column on a phone, tables scroll sideways inside their box.
enum StyleSheet {
    static func response() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/css; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: css)))
    }

    static let css = """
        :root { --ink: #1d1b16; --paper: #fbf8f1; --brand: #6b3f1d; --line: #d9cfbd; --ok: #1f6b34; --warn: #9a4d00; --bad: #a11d1d; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 "DejaVu Sans", system-ui, sans-serif; color: var(--ink); background: var(--paper); }
        a { color: var(--brand); }
        header.top { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; padding: .6rem 1rem; background: var(--brand); color: #fff; }
        header.top a { color: #fff; }
        .brand a { font-weight: bold; font-size: 1.2rem; text-decoration: none; }
        .site { opacity: .85; font-size: .9rem; }
        nav.menu { display: flex; flex-wrap: wrap; gap: .25rem .9rem; }
        nav.menu a[aria-current] { text-decoration: underline; font-weight: bold; }
        .who { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; font-size: .9rem; margin-left: auto; }
        .lang { font-size: .9rem; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
        h2 { font-size: 1.2rem; margin-top: 1.5rem; }
        footer { font-size: .8rem; color: #5b5346; padding: 1rem; text-align: center; }
        .table { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: #f1eadc; font-size: .9rem; }
        tr.overdue td { background: #fff1ec; }
        .overdue { color: var(--bad); }
        .ok { color: var(--ok); }
        .warn { color: var(--warn); font-weight: bold; }
        .muted { color: #7a7264; }
        .missing { margin: 0; padding-left: 1.1rem; font-size: .92rem; }
        .card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1rem; max-width: 40rem; }
        .card.narrow { max-width: 24rem; }
        .field { margin-bottom: .8rem; }
        label { display: block; font-weight: bold; margin: .6rem 0 .2rem; }
        .optional { font-weight: normal; color: #7a7264; }
        input, select, textarea { width: 100%; font: inherit; padding: .5rem; border: 1px solid #a99f8c; border-radius: 4px; background: #fff; }
        input[type=file] { padding: .3rem; }
        small { color: #5b5346; }
        .field.invalid input, .field.invalid select, .field.invalid textarea { border: 2px solid var(--bad); }
        .field-error, .error { color: var(--bad); font-weight: bold; }
        .notice { background: #e9f4ea; border-left: 4px solid var(--ok); padding: .5rem .8rem; }
        p.error { background: #fbeaea; border-left: 4px solid var(--bad); padding: .5rem .8rem; }
        button, .button { display: inline-block; font: inherit; padding: .5rem .9rem; border: 0; border-radius: 4px; background: var(--brand); color: #fff; cursor: pointer; text-decoration: none; margin: .15rem 0; }
        .secondary { background: #8a7a62; }
        button.link { background: none; color: #fff; text-decoration: underline; padding: 0; }
        form.inline { display: inline; }
        form.inline select, form.inline input { width: auto; display: inline-block; }
        .actions { display: flex; flex-wrap: wrap; gap: .4rem; margin: 1rem 0; }
        .row-actions a { margin-right: .5rem; white-space: nowrap; }
        dl.details { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .8rem; max-width: 40rem; }
        dl.details dt { font-weight: bold; }
        dl.details dd { margin: 0; }
        .search { display: flex; flex-wrap: wrap; gap: .4rem; align-items: end; margin-bottom: 1rem; }
        .search label { width: 100%; }
        .search input { flex: 1 1 14rem; width: auto; }
        .code { font-size: 1.6rem; font-family: monospace; letter-spacing: .1rem; }
        pre.report { background: #fff; border: 1px solid var(--line); padding: .8rem; overflow-x: auto; font-size: .85rem; }
        ul.downloads { list-style: none; padding: 0; }
        @media (max-width: 40rem) {
          header.top { padding: .5rem; }
          .who { margin-left: 0; }
          main { padding: .6rem; }
          th, td { padding: .35rem .4rem; font-size: .92rem; }
          dl.details { grid-template-columns: 1fr; }
        }
        """
}
