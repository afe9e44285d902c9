import Testing
import TropaSource

/// A paragraph's or heading's inline HTML is the node rendered once with its wrapper cut off: the same bytes as its
/// children rendered one by one.
@Suite struct MarkdownNodeTests {
    static let documents = [
        "Просто *текст* с **жирным**, `кодом` и [ссылкой](https://example.com \"title\").\n",
        "# Заголовок *один*\n\n## Два\n\n###### Шесть `code`\n\nSetext\n======\n\n#\n",
        "- тесный пункт\n- второй с _курсивом_\n  и мягким переносом\n",
        "- свободный пункт\n\n- второй\n\n  ещё абзац\n",
        "> цитата с &amp; и &lt;тегом&gt;\n>\n> - список в цитате\n",
        "Строка с жёстким  \nпереносом и \\\nобратной чертой.\n",
        "- <p>html в тесном списке</p>\n- <b>жирный</b> ́комбинирующий\n",
        "![картинка](a.png) и <span>инлайн</span> и <!-- комментарий -->\n",
        "1. нумерованный\n2. список с [ссылкой][ref]\n\n[ref]: https://example.com\n",
    ]

    @Test(arguments: documents, [false, true]) func inlineHTMLIsTheChildrenRenderedOneByOne(_ text: String, unsafe: Bool) {
        let document = MarkdownDocument(text, unsafeHTML: unsafe)
        var pending = document.blocks
        var compared = 0
        while let node = pending.popLast() {
            pending += node.children
            guard node.isParagraph || node.isHeading else { continue }
            #expect(node.inlineHTML == node.children.map(\.html).joined(), "\(node.html)")
            compared += 1
        }
        #expect(compared > 0)
    }

    /// A paragraph of text alone is written without cmark's renderer: its HTML is what the renderer writes, and its
    /// plain text what a walk over the tree reads, for text with every character cmark escapes or decodes, in tight
    /// and loose lists, quotes and items of one paragraph or more.
    @Test(arguments: [false, true]) func textAloneIsWrittenAsTheRendererWritesIt(unsafe: Bool) {
        let texts = ["Текст без разметки", "a & b < c > d \"e\" 'f' /g/", "&amp; &lt; &#34; &quot; &copy; &#0;",
                     "\\* не курсив \\[нет ссылки\\] \\<",
                     "[не ссылка] и ! и * и _", "Цена: 45 000 ₽ @ivan", "e\u{301} 😀 🇷🇺"]
        var documents = texts.map { $0 + "\n" }
        documents += texts.map { "- " + $0 + "\n- второй\n" }
        documents += texts.map { "- " + $0 + "\n\n- второй\n" }
        documents += texts.map { "> " + $0 + "\n>\n> " + $0 + "\n" }
        documents += texts.map { "- " + $0 + "\n\n  " + $0 + "\n" }
        documents += texts.map { "1. " + $0 + "\n   мягкий перенос\n" }
        documents += texts.map { "## " + $0 + "\n\n" + $0 + "\n---\n" }
        var compared = 0
        for text in documents {
            let document = MarkdownDocument(text, unsafeHTML: unsafe)
            var pending = document.blocks
            while let node = pending.popLast() {
                pending += node.children
                #expect(node.html == node.renderedHTML, "\(text.debugDescription)")
                #expect(node.plainText == node.walkedPlainText, "\(text.debugDescription)")
                if node.isParagraph {
                    #expect(node.inlineHTML == node.children.map(\.html).joined(), "\(text.debugDescription)")
                    compared += 1
                }
            }
        }
        #expect(compared >= 6 * texts.count)
    }

    @Test func theWrapperIsCutOff() {
        let document = MarkdownDocument("## Этап *два*\n\nАбзац.\n\n- тесный\n", unsafeHTML: false)
        let blocks = document.blocks
        #expect(blocks[0].inlineHTML == "Этап <em>два</em>")
        #expect(blocks[1].inlineHTML == "Абзац.")
        #expect(blocks[2].children[0].children[0].inlineHTML == "тесный")
    }
}
