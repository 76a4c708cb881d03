import SpiegelContent

/// One self-contained page for a coach: inline CSS (with a print layout and page numbers), inline SVG
/// charts, no scripts, no network. A table of contents, an overview (entries per principle, activity and
/// confidence over time on dated axes, commitment outcomes), then a section per principle with its
/// entries in full, commitments with their check-ins. Every user text is HTML-escaped; every word comes
/// from the caller (`ExportWords`). Written piece by piece: entries are read one at a time.
public enum HTMLExport {
    public static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out += "&amp;".utf8
            case 0x3C: out += "&lt;".utf8
            case 0x3E: out += "&gt;".utf8
            case 0x22: out += "&quot;".utf8
            case 0x27: out += "&#39;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A CSS string literal (for `content:`): quotes, backslashes, line ends and `<` as CSS escapes, so
    /// that no text can end the string or the style element.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&": out += "\\" + String(scalar.value, radix: 16) + " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\" + String(scalar.value, radix: 16) + " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static let style = """
    :root{--ink:#1d2430;--muted:#5a6577;--line:#d8dee8}
    *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
    body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:var(--ink);line-height:1.5;overflow-wrap:anywhere}
    h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
    h3{margin:0 0 .2rem;font-size:1.1rem}h4{margin:.8rem 0 .2rem;font-size:.95rem}
    .meta{color:var(--muted);font-size:.9rem}nav.toc ol{padding-left:1.4rem;columns:2 16rem}nav.toc a{color:inherit}
    .entry{border:1px solid var(--line);border-radius:8px;padding:.8rem 1rem;margin:1rem 0}
    .prompt{font-weight:600;margin:.8rem 0 .2rem}.answer{white-space:pre-wrap;margin:0;padding-left:.8rem;border-left:3px solid #8fb3d9}ul.answer{white-space:normal;padding-left:1.8rem}
    .tag{display:inline-block;background:#eef3f9;border-radius:4px;padding:0 .4rem;margin-right:.3rem;font-size:.85rem}
    .figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,22rem),1fr));gap:0 2rem}
    figure{margin:1rem 0}figure.wide{grid-column:1/-1}figcaption{font-weight:600;margin-bottom:.3rem}svg{max-width:100%;height:auto;display:block}svg text{font-size:12px;fill:var(--ink)}
    .bars{display:grid;grid-template-columns:auto minmax(5rem,40%);gap:.25rem .6rem;align-items:center;font-size:.9rem}
    .bar{display:flex;align-items:center;gap:.4rem}.bar span{display:inline-block;height:.9rem;border-radius:2px}
    ul.legend{list-style:none;padding:0;margin:.3rem 0;display:flex;flex-wrap:wrap;gap:.2rem 1rem;font-size:.85rem}
    .swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.3rem;vertical-align:-.1rem}
    .table{overflow-x:auto}table{border-collapse:collapse;font-size:.9rem}th,td{padding:.2rem .5rem;border-bottom:1px solid var(--line);text-align:right;overflow-wrap:normal}th:first-child,td:first-child{text-align:left;min-width:8rem}
    ul.commitments{list-style:none;padding-left:0;margin:.2rem 0}ul.commitments>li{margin:.4rem 0}ul.commitments p{margin:0}
    .status{display:inline-block;border-radius:4px;padding:0 .4rem;font-size:.8rem;background:#eef3f9}.s-done{background:#e3f2e6}.s-moved{background:#fff1dc}.s-dropped{background:#f4e4e4}
    ol.history{margin:.2rem 0 0;padding-left:1.4rem;font-size:.92rem}
    dl.checkin{display:grid;grid-template-columns:max-content 1fr;gap:0 .8rem;margin:.1rem 0 .3rem}dl.checkin dt{color:var(--muted)}dl.checkin dd{margin:0;white-space:pre-wrap}
    .note{background:#fff8e6;padding:.4rem .6rem;border-radius:4px}ul.also{font-size:.9rem}
    @media (max-width:34rem){body{margin:1rem auto}dl.checkin{display:block}dl.checkin dd{margin:0 0 .3rem}th,td{padding:.2rem .3rem}}
    @media print{body{margin:0;max-width:none;font-size:9pt;line-height:1.3;padding:0}
    h1{font-size:15pt}h2{font-size:12.5pt;margin:1rem 0 .4rem}h3{font-size:10.5pt}h4{font-size:9.5pt;margin:.4rem 0 .1rem}
    h2,h3,h4,figcaption,.prompt,p.meta{break-after:avoid}figure{margin:.4rem 0}.figures{grid-template-columns:1fr 1fr}
    .entry{border:0;border-top:1px solid #999;border-radius:0;padding:.3rem 0 0;margin:.5rem 0}.prompt{margin:.3rem 0 .05rem}.answer{padding-left:.5rem}ul.answer{padding-left:1.4rem;margin:0}
    svg,tr,.answer,ul.commitments>li,dl.checkin,.note{break-inside:avoid}p,dd{orphans:3;widows:3}
    nav.toc ol{columns:2;margin:.2rem 0}a{color:inherit;text-decoration:none}}
    """

    /// The print layout: A4 margins and page numbers in the margin boxes ("Page 2 of 5", the title).
    static func pageStyle(_ words: ExportWords) -> String {
        "@page{size:A4;margin:12mm 13mm 15mm;"
            + "@bottom-left{content:\(cssString(words.title));font:8pt system-ui,sans-serif;color:#5a6577}"
            + "@bottom-right{content:\(cssString(words.page + " ")) counter(page) \(cssString(" " + words.pageOf + " ")) counter(pages);font:8pt system-ui,sans-serif;color:#5a6577}}"
    }

    /// The whole page as one string (small exports and tests); `write` is the same page in pieces.
    public static func render(_ entries: [Entry], exportedAt: String, principles: [String], today: CalendarDay,
                              words: ExportWords) -> String {
        let summaries = entries.map(EntrySummary.init)
        var out = ""
        write(summaries, overview: ExportOverview(summaries, principles: principles), exportedAt: exportedAt, today: today,
              words: words, entry: { entries[$0] }, to: { out += $0 })
        return out
    }

    /// Writes the page to `emit` piece by piece: the head, contents and overview from the summaries, then
    /// each section's entries, each read through `entry` (its position in `summaries`; nil skips it) and
    /// written before the next is read.
    public static func write<Failure: Error>(
        _ summaries: [EntrySummary], overview: ExportOverview, exportedAt: String, today: CalendarDay, words: ExportWords,
        entry: (Int) throws(Failure) -> Entry?, to emit: (String) throws(Failure) -> Void) throws(Failure) {
        var head = "<!DOCTYPE html>\n<html lang=\"\(escape(words.language))\">\n<head>\n<meta charset=\"utf-8\">\n"
        head += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        head += "<title>\(escape(words.title))</title>\n<style>\n\(style)\n\(pageStyle(words))\n</style>\n</head>\n<body>\n"
        head += "<header>\n<h1>\(escape(words.title))</h1>\n<p class=\"meta\">\(escape(words.exported)) \(escape(exportedAt)) · "
        head += escape(words.countEntries(overview.entries))
        if let first = overview.firstDay, let last = overview.lastDay {
            head += " · <time datetime=\"\(first)\">\(escape(words.date(first)))</time> – <time datetime=\"\(last)\">\(escape(words.date(last)))</time>"
        }
        head += "</p>\n</header>\n"
        try emit(head + contents(overview, words: words) + overviewSection(overview, today: today, words: words))
        for section in overview.sections {
            try emit(sectionHead(section, overview: overview, words: words))
            for position in section.entries {
                guard let full = try entry(position) else { continue }
                try emit(article(full, words: words))
            }
            if !section.alsoTraining.isEmpty {
                var also = "<h3>\(escape(words.alsoTraining))</h3>\n<ul class=\"also\">"
                for position in section.alsoTraining {
                    let summary = summaries[position]
                    also += "<li><a href=\"#e-\(escape(summary.id))\">" + escape(summary.day.map(words.date) ?? "")
                        + " · " + escape(words.exerciseTitles[summary.exercise] ?? summary.exercise) + "</a></li>"
                    if also.utf8.count > 1 << 16 { try emit(also); also = "" }
                }
                try emit(also + "</ul>\n")
            }
            try emit("</section>\n")
        }
        try emit("</main>\n</body>\n</html>\n")
    }

    static func sectionName(_ section: ExportOverview.Section, words: ExportWords) -> String {
        section.principle.map(words.name(ofPrinciple:)) ?? words.otherEntries
    }

    /// The table of contents: the overview, then each principle's section with its number of entries.
    static func contents(_ overview: ExportOverview, words: ExportWords) -> String {
        var nav = "<nav class=\"toc\" aria-labelledby=\"toc\">\n<h2 id=\"toc\">\(escape(words.contents))</h2>\n<ol>"
        nav += "<li><a href=\"#overview\">\(escape(words.overview))</a></li>"
        for section in overview.sections {
            nav += "<li><a href=\"#\(escape(section.anchor))\">\(escape(sectionName(section, words: words)))</a>"
                + " <span class=\"meta\">(\(section.entries.count + section.alsoTraining.count))</span></li>"
        }
        return nav + "</ol>\n</nav>\n"
    }

    /// Entries per principle, activity, confidence over time and the commitment outcomes per principle.
    static func overviewSection(_ overview: ExportOverview, today: CalendarDay, words: ExportWords) -> String {
        var out = "<main>\n<section id=\"overview\">\n<h2>\(escape(words.overview))</h2>\n<div class=\"figures\">\n"
        if !overview.principles.isEmpty {
            out += "<figure><figcaption>\(escape(words.entriesPerPrinciple))</figcaption>"
                + ExportCharts.principleBars(overview, words: words) + "</figure>\n"
        }
        if let (caption, chart) = ExportCharts.activity(overview, until: today, words: words) {
            out += "<figure><figcaption>\(escape(caption))</figcaption>\(chart)</figure>\n"
        }
        if let chart = ExportCharts.confidence(overview, words: words) {
            out += "<figure class=\"wide\"><figcaption>\(escape(words.confidenceOverTime))</figcaption>\(chart)<ul class=\"legend\">"
            for (index, principle) in overview.principles.enumerated() where !principle.figures.confidenceByDay.isEmpty {
                out += "<li><span class=\"swatch\" style=\"background:\(ExportCharts.colour(index))\"></span>"
                    + escape(words.name(ofPrinciple: principle.id)) + "</li>"
            }
            out += "</ul></figure>\n"
        }
        if overview.principles.contains(where: { $0.figures.commitmentsMade > 0 }) {
            out += "<figure class=\"wide\"><figcaption>\(escape(words.outcomes))</figcaption><div class=\"table\"><table>\n<thead><tr>"
            out += ([words.principle, words.made] + CommitmentStatus.allCases.map(words.name(of:)) + [words.kept])
                .map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>"
            for (id, figures) in overview.principles where figures.commitmentsMade > 0 {
                out += "<tr><th scope=\"row\">\(escape(words.name(ofPrinciple: id)))</th><td>\(figures.commitmentsMade)</td>"
                out += CommitmentStatus.allCases.map { "<td>\(figures.commitments[$0] ?? 0)</td>" }.joined()
                out += "<td>\(figures.keptRate.map { "\(Int(($0 * 100).rounded()))%" } ?? "–")</td></tr>\n"
            }
            out += "</tbody></table></div></figure>\n"
        }
        return out + "</div>\n</section>\n"
    }

    /// A section's heading and its principle's figures: entries, confidence first and last, commitments.
    static func sectionHead(_ section: ExportOverview.Section, overview: ExportOverview, words: ExportWords) -> String {
        let out = "<section class=\"principle\" id=\"\(escape(section.anchor))\">\n<h2>\(escape(sectionName(section, words: words)))</h2>\n"
        var facts = [words.countEntries(section.entries.count + section.alsoTraining.count)]
        if let id = section.principle, let figures = overview.principles.first(where: { $0.id == id })?.figures {
            if let first = figures.confidenceFirst, let last = figures.confidenceLast {
                facts.append("\(words.confidence) \(first.value) → \(last.value)")
            }
            if figures.commitmentsMade > 0 {
                facts.append(words.commitments + ": " + CommitmentStatus.allCases.compactMap { status in
                    figures.commitments[status].map { "\(words.name(of: status)) \($0)" }
                }.joined(separator: ", "))
            }
        }
        return out + "<p class=\"meta\">\(escape(facts.joined(separator: " · ")))</p>\n"
    }

    /// One entry in full: its answers, its commitments with their history and check-ins, coach notes.
    static func article(_ entry: Entry, words: ExportWords) -> String {
        var out = "<article class=\"entry\" id=\"e-\(escape(entry.id))\">\n<h3>\(escape(entry.exerciseTitle))</h3>\n"
        out += "<p class=\"meta\">" + (entry.day.map { "<time datetime=\"\($0)\">\(escape(words.date($0)))</time> · " } ?? "")
        out += "<code>\(escape(entry.id))</code> "
        out += entry.principles.map { "<span class=\"tag\">\(escape(words.name(ofPrinciple: $0)))</span>" }.joined() + "</p>\n"
        for answer in entry.answers {
            out += "<p class=\"prompt\">\(escape(answer.prompt))</p>\n"
            if answer.skipped == true {
                out += "<p class=\"answer meta\">\(escape(words.skipped))</p>\n"
            } else if let items = answer.items {
                out += "<ul class=\"answer\">" + items.map { "<li>\(escape($0))</li>" }.joined() + "</ul>\n"
            } else if let rating = answer.rating {
                out += "<p class=\"answer\">\(rating) / 5</p>\n"
            } else if let plan = answer.ifThenPlan(entryLanguage: entry.language)?.sentence {
                out += "<p class=\"answer\">\(escape(plan))" + (answer.due.map { " (\(escape(words.date($0))))" } ?? "") + "</p>\n"
            } else {
                out += "<p class=\"answer\">\(escape(answer.plainText))</p>\n"
            }
        }
        if !entry.commitments.isEmpty {
            out += "<h4>\(escape(words.commitments))</h4>\n<ul class=\"commitments\">"
            for commitment in entry.commitments { out += self.commitment(commitment, language: entry.language, words: words) }
            out += "</ul>\n"
        }
        for note in entry.coachNotes ?? [] {
            out += "<p class=\"note\"><strong>\(escape(note.author))</strong>: \(escape(note.text))</p>\n"
        }
        return out + "</article>\n"
    }

    /// A commitment as its plan, status and due day, then each change with its reflection and check-in.
    static func commitment(_ commitment: Commitment, language: Language, words: ExportWords) -> String {
        var out = "<li><p><span class=\"status s-\(commitment.status.rawValue)\">\(escape(words.name(of: commitment.status)))</span> "
        out += escape(words.plan(commitment, entryLanguage: language))
        out += " <span class=\"meta\">· \(escape(words.due)) <time datetime=\"\(commitment.due)\">\(escape(words.date(commitment.due)))</time></span></p>"
        if commitment.history.contains(where: { !$0.isBare }) {
            out += "<ol class=\"history\">"
            for event in commitment.history where !event.isBare {
                let day = ExportWords.day(event.at)
                out += "<li><span class=\"meta\"><time datetime=\"\(escape(day))\">\(escape(CalendarDay(day).map(words.date) ?? day))</time></span> "
                out += escape(words.headline(of: event))
                if let reflection = event.reflection, !reflection.isEmpty { out += ": " + escape(reflection) }
                let fields = event.checkIn.map(words.fields(of:)) ?? []
                if !fields.isEmpty {
                    out += "<dl class=\"checkin\">" + fields.map { "<dt>\(escape($0.label))</dt><dd>\(escape($0.text))</dd>" }.joined() + "</dl>"
                }
                out += "</li>"
            }
            out += "</ol>"
        }
        return out + "</li>"
    }
}
