/// Every problem and help line tropa tells an author, as a value: which message, with the names and numbers in it.
/// It is worded only when shown, in the language asked for then, so `--lang` overrides the site's language without
/// reading the site again, and the settings' own problems (found before the language is known) are worded too.
/// `texts` holds the English and the Russian wording side by side: a case without both does not compile.
public indirect enum Message: Sendable, Hashable {
    // Encoding
    case utf16
    case saveAsUTF8
    case nulByte
    case saveAsUTF8Text
    case notUTF8
    case convertFromCP1251
    // Front-matter
    case noFrontMatter(FileKind)
    case mapFileEmpty
    case writeMapOrRemove
    case startWithFrontMatter(key: String)
    case frontMatterUnclosed
    case closeFrontMatter
    case emptyTitle
    case writeTitle
    case noTitle
    case noName
    case addKey(String)
    case badDate(String)
    case noSuchDay(text: String, year: Int, month: Int, day: Int)
    case lastDayOfMonth(String)
    case writeDate(String)
    case writeBool(String)
    case badAudience(String)
    case writeAudience
    case badEvidence(String)
    case writeOneOf([String])
    case stageOfBranches([String])
    case badReview(String)
    case writeReview
    case writeReviewAsOnePeriod(String, monthsAsDays: Bool)
    // Measurements
    case measurementsMissing(String)
    case measurementsOutsideContent(String, content: String)
    case measurementsHidden(String)
    case measurementsBackslash(String)
    case renameVisible(String)
    case measurementsBesideMap(String)
    case measurementsPath
    case measurementsEmpty
    case measurementColumns([String])
    /// With the file's separator of fields, a comma or a semicolon.
    case measurementHeader(String)
    case lineWithoutColon(String)
    /// `name`: the header as written, or its column's number (`5`) when it is empty.
    case columnNotRead(String, read: [String])
    case columnTwice(String)
    case removeColumn
    case keepNotesInMap
    case measurementFieldCount(expected: Int, found: Int)
    case quoteOpenToLineEnd
    case oneRowPerMeasurement(String)
    case measurementTwice(metric: String, stage: String, date: String, line: Int, value: String)
    case oneRowPerDay
    case metricInList(item: String, layer: String, metrics: String)
    case moveToLayer(String)
    case measurementBadDate(String)
    /// The column's English and Russian names.
    case measurementNoField(en: String, ru: String)
    case metricsOfSchema(en: [String], ru: [String])
    case measurementDateForm
    case measurementValueForm
    case unknownStage(String)
    case stageInBranches(String)
    case stagesOfMap([String])
    case reviewOverdue(last: String, due: String)
    case measureAgain
    case measuredAfterToday(date: String, today: String)
    case checkMeasurementDate
    case measuredBeforeUpdated(last: String, updated: String)
    case updatedNotAfter(String)
    case badPriority(String)
    case badRevenue(String)
    case writeRevenue
    case unknownMap(String)
    case mapsAreNamed(String)
    case noMapToCompare
    case brokenLink(String)
    case brokenPersonaLink(String)
    /// With a map of the site as the example, when it has one.
    case linkToMapFile(String?)
    case noOtherMap
    case brokenFileLink(String)
    case linkToMeasurements(String)
    case putFileAt(String)
    case linkToHiddenFile(String, hidden: String)
    case unhide(String)
    case publishMeasurements
    case linkOutOfContent(String)
    case linkByAddress
    case brokenAnchor(anchor: String, map: String)
    case stagesAre([String])
    case linkToDraft(String)
    case publishDraftOrUnlink
    case unknownActionKind(kind: String, layer: String)
    case actionKindsAre([String])
    case unknownOwner(owner: String, layer: String)
    case ownersAre([String])
    case unreadableOwner(String)
    case ownersRule
    case unknownBaseSchema(String)
    case afterWithoutExtends
    case unknownAfter(String)
    case layerIDsAre([String])
    case inheritedKind(id: String, kind: String)
    case unreadableKind(String)
    case kindsRule
    case newLayerInstead
    // Stages and layers
    case requiredLayerEmpty(layer: String, stage: String)
    case fillRequired
    case layerEmpty(layer: String, stage: String)
    case fillOrRemove
    case deepLayerHeading(marks: String, text: String)
    case shallowLayerHeading(String)
    case deepStageHeading(String, stage: String)
    /// A line to write as it stands: a heading or a YAML line.
    case write(String)
    case acceptedLayers([String])
    case level1Heading(String)
    case titleInFrontMatter
    case personaNameInFrontMatter
    case unnamedStage
    case underlinedStage(stage: String, underline: String)
    case separatorOrStage(String)
    case stageOrNoDashes(String)
    case htmlOmitted(String)
    case linkOmitted(String)
    /// `read`: the number as written, with a decimal point.
    case percentAsShare(String, read: String)
    /// `read`: the number as written, with a decimal point.
    case csatAsScore(String, read: String)
    /// The score kept as a metric of its own: the item to write, or (`value` nil, in a measurements file) the name.
    case scoreAsOwnMetric(name: String, value: String?)
    case linkToWebAddress
    case removeIndent(String)
    case baseURLTail(String)
    case metricTwice(String, firstLine: Int)
    case ownerNotLast(String)
    case moveOwnerToEnd(String)
    case ownerInOneParagraph
    case oneEntryPerMetric
    case markdownOrUnsafeHTML
    case nameTheStage
    case duplicateStage(String, firstLine: Int)
    // Branches
    case branchLabelEmpty(stage: String)
    case nameTheBranch(stage: String)
    case branchLabelWithoutName(String)
    case nameBeforeLabel(String)
    case branchLabelBrace(String)
    case branchLabelUnclosed(String)
    case closeLabel(String)
    case labelsWithoutBraces
    case branchSplit(label: String, by: String)
    case keepBranchTogether(String)
    case branchReused(label: String, line: Int)
    case branchTypo(label: String, like: String)
    case linkWithSpace(String)
    case tableAsText
    case tableAsList
    // Mermaid import
    case mermaidNotJourney
    case startWithJourney
    case mermaidUnexpected(String)
    case mermaidTaskForm
    case mermaidNotScore(String)
    case mermaidScoreClamped(score: String, to: Int)
    case mermaidScoreRounded(score: String, to: Int)
    case mermaidScores
    case theDiagram
    case labelsPerFork
    case forkNeedsTwoBranches
    case branchesLabelEmpty
    case branchesLabelTwice
    case branchesLabelBrace
    case ownStageNames
    case layerBeforeStage(String)
    case addStageAbove
    case unknownLayer(layer: String, stage: String)
    case didYouMean(String)
    case lookalikeLetters(String, letters: [String], latin: Bool)
    case duplicateLayer(layer: String, stage: String, firstLine: Int)
    case mergeTwo
    case noStages
    case startStages
    case emptyStage(String)
    case addLayers([String])
    case missingLayer(stage: String, layer: String)
    case addLayer(String)
    case headingNoSpace(written: String, marks: String)
    case headingOddSpace(written: String, marks: String, codePoint: String, noBreak: Bool)
    // Layer content
    case manyLists(layer: String, count: Int)
    case notAList(layer: String, found: Block)
    case writeListItems
    case emotionBlock(Block)
    case emotionNoScore(String)
    case emotionSpacedMinus(String)
    case emotionHelp
    case scoreOutOfScale(score: String, low: String, high: String)
    case useScore(low: String, high: String)
    case unknownMetric(String)
    case metricNotInStage(metric: String, stage: String)
    case addMetricToStage(metric: String, stage: String)
    case metricNoColon(String)
    case metricNoValue(String)
    case metricNoNumber(String)
    case metricSpacedSign(String)
    case metricDashForMinus(String)
    case metricCurrencyFirst(String)
    case negativeDuration(String)
    case durationAtLeastZero
    case currencyAfterNumber(String)
    case metricNotOneNumber(String)
    case metricCompoundDuration(String)
    case metricReversedRange(String)
    case metricUnreadableTarget(String)
    case metricNotPercent(metric: String, text: String)
    case metricNoTimeUnit(metric: String, text: String)
    case metricNotTimeUnit(metric: String, unit: String)
    case metricHasUnit(metric: String, text: String)
    case metricForm
    case smallerFirst
    case targetForm
    case writePercent
    case addTimeUnit
    case writeNumberAlone
    case valueOutOfRange(metric: String, value: String, low: String, high: String)
    case targetOutOfRange(metric: String, target: String, low: String, high: String)
    case useValue(low: String, high: String)
    /// A draft's missing layer: the help, and that it will be an error.
    case draftLenient(Message?)
    case draftUnfilled(first: Message, more: Int)
    case fillDraft
    // Personas and the site
    case unknownPersona(String)
    case addPersona(String)
    case personasOfSite([String])
    case unknownSection(String)
    case personaSections
    case duplicateSection(String, firstLine: Int)
    case folderTaken(what: Owner, folder: String, owner: Owner)
    case renameOne
    case renameOffSitePages(String)
    case overwritesPage(String)
    case renameOrMove
    case templateInvalid(String)
    case templateWrongClose(open: String, line: Int)
    case templateUnclosed(open: String, line: Int)
    case templateUnfinishedTag
    case templateUnknown(String)
    /// `{{> name}}` that makes the template include itself, and the templates from it round to it.
    case templateIncludesItself(String, cycle: [String])
    case includeInSection
    case templateUnknownName(String)
    case templateNotUsed(String)
    case templateNamesAre
    case templatesOfTheme([String])
    case templateCloseNothing
    case removeClose
    case closeSection(String)
    // YAML: tropa.yml, front-matter, the schema
    case aliasInKey
    case writeKeyOut
    case yamlUnreadable(String)
    case yamlSyntax(String)
    case quoteUnclosed(String)
    case closeQuote(String)
    case keyTwice([String])
    case keepOne
    case quotesInLine(marks: String, key: String?, fixed: String?)
    case quoteColonValue
    case quoteWholeValue(key: String, fixed: String)
    case indentWithSpaces
    case notMapping(Part)
    case unknownKey(Part, String)
    case knownKeys([String])
    case keyInEnglish(String)
    case shouldBeText(String)
    case shouldBeBool(String, Value)
    case shouldBeNumber(String, Value)
    case itemsShouldBeTexts(String)
    case shouldBeList(String, Value)
    case tagsAsText(key: String, tag: String)
    case listItemContinued(key: String, line: String, item: String)
    case alignDash(String)
    case emptyTag(key: String)
    case nameOrRemoveTag
    case writeList(key: String, items: [String])
    case quotedValue(Quoted, pair: String)
    case writeWithoutQuotes(String)
    case rangeOfTwo(String)
    case rangeTooWide(String)
    case rangeReversed(key: String, low: String, high: String)
    case languageNoTheme(String)
    case useRuOrEn
    case unknownOutput(String)
    case outputsAre([String])
    case badBaseURL(String)
    case writeBaseURL
    case shouldBePath(String)
    case shouldBeCount(String)
    case schemaEmpty
    case startFromDefault(output: String?)
    case noLayers
    case addLayersKey
    case shouldBeEntries(String)
    case idOneWord(Entry, String)
    case titlePerLanguage
    case needsID(Entry)
    case idTwice(Entry, String)
    case ownID(Entry)
    case idIsName(Entry, id: String, owner: String)
    case nameTwice(Entry, name: String, owner: String, id: String)
    case oneEntryPerName(Entry)
    case unknownKind(String)
    case kindsAre([String])
    case listOnlyKey(key: String, kind: String)
    case removeOrMakeList(String)
    case unknownUnit(String)
    case unitsAre
    case unknownRole(String)
    case rolesAre([String])
    case roleTwice(String, String, role: String)
    case oneMetricPerRole
    // The command line
    case checked(maps: Int, personas: Int)
    case checkedSite
    case siteSettings
    case theSchema
    case built(maps: Int, files: Int, output: String)
    case upToDate(maps: Int, files: Int, output: String)
    case updated(maps: Int, of: Int, written: Int, files: Int, output: String)
    case nothingWritten
    /// The line a build or a check that runs longer than a second shows on a terminal, until its summary.
    case buildProgress(maps: Int, of: Int, files: Int, seconds: Int)
    case checkProgress(maps: Int, of: Int, seconds: Int)
    case noProblems(Message)
    case problems(Message, errors: Int, warnings: Int, files: Int)
    /// Said after the count when warnings alone fail a run.
    case warningsFailStrict
    case severity(Severity)
    /// A line that stops a command: "error: …".
    case errorLine(Message)
    case helpLabel
    case defaultSchemaHint
    case emptySchemaNote(String)
    case outputIsFolder(String)
    case outputNotEmpty(String)
    case wrote(String)
    case folderNotEmpty(String)
    case createdSite(String)
    case mapExists(String)
    case unknownCommand(String, commands: [String])
    case importOutsideContent(String, content: String)
    case notMapFolder(String)
    case created(String)
    /// `tropa theme`: a name that is no file of the built-in theme, the files it has, and what became of each.
    case themeFileUnknown(String)
    case themeFilesAre([String])
    case themeFileWritten(String)
    case themeFileKept(String)
    case themeFileBuiltIn
    case themeFileSame
    case themeFileOwn
    /// What a changed template costs: its pages through swift-mustache.
    case themeCopiedNote
    case siteFolderBeforeCopy(String)
    case stagesRange
    case noTropaServe(String)
    case cannotStart(path: String, reason: String)
    case buildTropaServe(String)
    /// A command to run as it stands.
    case run(String)
    case previewBuilt(maps: Int, rendered: Int?, milliseconds: Int, rebuild: Bool)
    case notBuilt
    case serving(String)
    case portInUse(port: Int, host: String)
    case cannotListen(host: String, port: Int, reason: String)
    case notAnAddress(String)
    case stopped
    // `tropa schema`
    case schemaTitle
    case schemaScale(low: String, high: String)
    case schemaLayers
    case schemaLayerColumns
    case schemaMetrics
    case schemaMetricColumns
    case yes
    case no
    // The preview's pages
    case cannotBuildTitle
    case cannotBuild
    case fixAndSave
    case notFound
    case noPageAt(String)
    case theCatalogue
    // Folders and files as such (`SiteError`)
    case cannotRead(String, Reason)
    case cannotOpenFolder(String)
    case cannotReadFolder(String, Reason)
    case linkNowhere(String)
    case linkOutside(String, target: String)
    case linkBack(String, target: String)
    case notFileOrFolder(String)
    case notSiteFolder(String)
    case noSuchFolder(String)
    case notInGit(String)
    case unknownRevision(String)
    case noMapAtRevision(path: String, revision: String)
    case mapNotCommitted(revision: String)
    case noMapInWorkingTree(String)
    case measurementsOfNoMap(String)
    case measurementsOfMaps(String, [String])
    case gitUnavailable(String)
    case gitStopped
    case shallowHistory
    /// Maps marked `draft: true` that a build without `--drafts` leaves out.
    case draftsLeftOut(Int)
    /// Another build is writing into the same output: said as this one starts waiting for it, and again at its end.
    case waitingForBuild(String)
    case waitedForBuild(String)
    case folderNotFile(String)
    case noSuchFile(String)
    case noContentFolder(String)
    case refuseOutput(String, Refusal)
    case outputIsFile(String)
    case outputForeign(String)
    case outputReadOnly(String, folder: String, update: Bool)
    case cannotWrite(String, Reason)
    case cannotCreateFolder(String, Reason)
    case cannotRemove(String, Reason)
    case cannotMove(String, to: String?, Reason)

    /// Why a file or folder cannot be used: the system's words when tropa has none of its own.
    public enum Reason: Sendable, Hashable { case missing, denied, isFolder, system(String) }
    /// Why tropa will not write a site into a folder.
    public enum Refusal: Sendable, Hashable { case home, siteFolder(ancestor: Bool), contentFolder(ancestor: Bool), insideContent, insideTemplates }
    /// The file a front-matter belongs to.
    public enum FileKind: Sendable, Hashable { case map, persona }
    /// What a Markdown block is, for a message that finds one where it does not belong.
    public enum Block: Sendable, Hashable { case paragraph, list, quote, code, html, heading, rule, other }
    /// What claims a folder of the output: a file of the site, or the dashboard.
    public enum Owner: Sendable, Hashable { case map, persona, sitePages, file(String) }
    /// Where in a YAML file a key stands.
    public enum Part: Sendable, Hashable { case frontMatter, persona, config, schema, layer, metric }
    /// An entry of the schema.
    public enum Entry: Sendable, Hashable { case layer, metric }
    /// A value found where another kind was expected.
    public enum Value: Sendable, Hashable { case text(String), list, mapping }
    /// A value in typographic quotes.
    public enum Quoted: Sendable, Hashable { case persona(String), tag(String) }

    public func text(in language: Language) -> String {
        let (en, ru) = texts
        return language == .ru ? ru : en
    }

    /// The English and the Russian wording. Names stand in "…" in English and in «…» in Russian.
    public var texts: (en: String, ru: String) {
        switch self {
        case .utf16: ("the file is UTF-16 text, not UTF-8", "файл сохранён в UTF-16, а нужен UTF-8")
        case .saveAsUTF8: ("save it as UTF-8", "сохраните его в кодировке UTF-8")
        case .nulByte: ("the file contains a NUL byte: is it a binary file?",
                        "в файле есть нулевой байт: это точно текст, а не документ Word или картинка?")
        case .saveAsUTF8Text: ("save it as UTF-8 text", "сохраните его как обычный текст в UTF-8")
        case .notUTF8: ("the file is not UTF-8 text", "файл не в кодировке UTF-8")
        case .convertFromCP1251:
            ("save it as UTF-8 (for example, from Windows-1251 with iconv -f cp1251 -t utf-8)",
             "пересохраните его в UTF-8 (из Windows-1251, например, так: iconv -f cp1251 -t utf-8)")
        case .noFrontMatter(.map): ("the map does not start with front-matter", "в начале карты нет front-matter")
        case .noFrontMatter(.persona): ("the persona does not start with front-matter", "в начале файла персоны нет front-matter")
        case .mapFileEmpty: ("the map's file is empty", "файл карты пуст")
        case .writeMapOrRemove: ("write the map in it, or remove the file and start the map with `tropa new`, which writes its stages and layers",
                                 "напишите в нём карту или удалите файл и создайте заготовку командой `tropa new` — с этапами и слоями")
        case .startWithFrontMatter(let key):
            ("start the file with a line \"---\", then \"\(key): …\", then \"---\"",
             "начните файл со строки «---», за ней «\(key): …» и снова «---»")
        case .frontMatterUnclosed: ("the front-matter that starts here is never closed",
                                    "front-matter здесь открыт, но нигде не закрыт")
        case .closeFrontMatter: ("add a line \"---\" after the last front-matter key",
                                 "добавьте строку «---» после последнего ключа front-matter")
        case .emptyTitle: ("the title is empty", "название карты пустое")
        case .writeTitle: ("write what the customer does, e.g. \"title: Клиент выбирает CRM\"",
                           "напишите, что делает клиент, например «title: Клиент выбирает CRM»")
        case .noTitle: ("the map has no title", "у карты нет названия")
        case .noName: ("the persona has no name", "у персоны нет имени")
        case .addKey(let key): ("add \"\(key): …\" to the front-matter", "добавьте во front-matter строку «\(key): …»")
        case .badDate(let text): ("\"updated\" should be a date like 2024-03-01, not \"\(text)\"",
                                  "в «updated» нужна дата вида 2024-03-01, а здесь «\(text)»")
        case .writeDate(let date): ("write \"updated: \(date)\"", "напишите «updated: \(date)»")
        case .noSuchDay(let text, let year, let month, let day):
            ("the date \"\(text)\" does not exist: \(CalendarDay.monthName(month, in: .en)) \(year) has no day \(day)",
             "даты «\(text)» нет: в \(CalendarDay.monthName(month, in: .ru)) \(year) года нет \(day)-го числа")
        case .lastDayOfMonth(let date): ("the month's last day is \(date)", "последний день этого месяца — \(date)")
        case .writeBool(let key): ("write \"\(key): true\" or \"\(key): false\", without quotes",
                                   "напишите «\(key): true» или «\(key): false», без кавычек")
        case .badReview(let text): ("\"review\" should be a period such as \"monthly\", not \"\(text)\"",
                                    "в «review» нужен срок, например «ежемесячно», а здесь «\(text)»")
        case .writeReview: ("write \"2 weeks\", \"monthly\", \"quarterly\" or a number of days, weeks or months",
                            "напишите «2 недели», «ежемесячно», «ежеквартально» или число дней, недель или месяцев")
        case .writeReviewAsOnePeriod(let line, let monthsAsDays):
            ("a period is one number of days, weeks or months: write \"\(line)\"" + (monthsAsDays ? " (a month counted as 30 days, a year as 365)" : ""),
             "срок — одно число дней, недель или месяцев: напишите «\(line)»" + (monthsAsDays ? " (месяц — 30 дней, год — 365)" : ""))
        case .measurementsMissing(let path): ("the measurements file \"\(path)\" does not exist",
                                              "файла с замерами «\(path)» нет")
        case .measurementsOutsideContent(let path, let content):
            ("the measurements file \"\(path)\" is outside the folder \"\(content)\", where a build would not see it change",
             "файл с замерами «\(path)» лежит вне папки «\(content)»: сборка не заметит, что он изменился")
        case .measurementsHidden(let path):
            ("the measurements file \"\(path)\" is hidden (a name in its path starts with a dot), where a build would not see it change",
             "файл с замерами «\(path)» скрыт (имя в пути начинается с точки): сборка не заметит, что он изменился")
        case .measurementsBackslash(let path): ("the path \"\(path)\" is written with backslashes: tropa reads paths with \"/\"",
                                                "путь «\(path)» записан через обратную косую черту: tropa читает пути через «/»")
        case .renameVisible(let path): ("rename it without the dot, as \"\(path)\", and name it so in \"measurements\"",
                                        "переименуйте его без точки — «\(path)» — и так же укажите в «measurements»")
        case .measurementsBesideMap(let name): ("put the file beside the map and write \"measurements: \(name)\"",
                                                "положите файл рядом с картой и напишите «measurements: \(name)»")
        case .measurementsPath: ("name a CSV file beside the map, e.g. \"measurements: metrics.csv\"",
                                 "укажите CSV-файл рядом с картой, например «measurements: metrics.csv»")
        case .measurementsEmpty: ("the measurements file is empty", "файл с замерами пустой")
        case .measurementColumns(let columns):
            ("the measurements file has no \(columns.count == 1 ? "column" : "columns") \(Self.list(columns.map { "\"\($0)\"" }, and: "and"))",
             "в файле с замерами нет \(columns.count == 1 ? "столбца" : "столбцов") \(Self.list(columns.map { "«\($0)»" }, and: "и"))")
        case .lineWithoutColon(let line): ("write \"\(line)\" as \"key: value\", indent it to go on with the value above, or delete the line",
                                           "запишите «\(line)» как «ключ: значение», сдвиньте вправо, если это продолжение значения выше, или удалите строку")
        case .columnNotRead(let name, let read):
            ("the column \"\(name)\" is not read (tropa reads \(read.joined(separator: ", "))): its values show nowhere",
             "столбец «\(name)» не читается (tropa читает \(read.joined(separator: ", "))): его значения нигде не покажутся")
        case .columnTwice(let name): ("the column \"\(name)\" is given twice: the first is read, and the second's values show nowhere",
                                      "столбец «\(name)» указан дважды: читается первый, значения второго нигде не покажутся")
        case .removeColumn: ("remove the column; a note on a measurement goes into the map's text",
                             "удалите столбец, а пояснение к замеру напишите в тексте карты")
        case .keepNotesInMap: ("a CSV holds no notes: remove the line, and write a note on a measurement in the map's text",
                               "в CSV нет места пояснениям: удалите строку, а пояснение к замеру напишите в тексте карты")
        case .measurementHeader(let s): ("start the file with the line \"date\(s)stage\(s)metric\(s)value\"",
                                         "начните файл со строки «дата\(s)этап\(s)метрика\(s)значение»")
        case .quoteOpenToLineEnd: ("the quote that opens here is not closed on its line, so the lines after it would be read into this field",
                                   "кавычка здесь открыта, но в этой строке не закрыта: следующие строки стали бы частью этого поля")
        case .measurementFieldCount(let expected, let found):
            ("the row has \(found) fields, but the header has \(expected)",
             "в строке полей: \(found), а в заголовке: \(expected)")
        case .oneRowPerMeasurement(let s):
            ("write one measurement per row; quote a value that holds a \(s == ";" ? "semicolon" : "comma"): \"1\(s)5\"",
             "пишите по одному замеру в строке; значение \(s == ";" ? "с точкой с запятой" : "с запятой") заключайте в двойные кавычки")
        case .measurementTwice(let metric, let stage, let date, let line, let value):
            ("\(metric) of \"\(stage)\" on \(CalendarDay.words(date, in: .en)) is also measured on line \(line): this row's value, \(value), counts",
             "замер «\(metric)» этапа «\(stage)» за \(CalendarDay.words(date, in: .ru)) уже есть в строке \(line); учитывается этот: \(value)")
        case .metricInList(let item, let layer, let metrics):
            ("\"\(item)\" is a metric's value, but it is in the layer \"\(layer)\": only the layer \"\(metrics)\" counts in the figures",
             "«\(item)» — значение метрики, но оно стоит в слое «\(layer)»: в расчётах учитывается только слой «\(metrics)»")
        case .moveToLayer(let layer): ("move it to the layer \"\(layer)\" of this stage", "перенесите его в слой «\(layer)» этого этапа")
        case .oneRowPerDay: ("keep one row per stage, metric and day", "оставьте одну строку на этап, метрику и день")
        case .measurementNoField(let en, let ru): ("the row's \(en) is empty", "в строке не указано поле «\(ru)»")
        case .measurementBadDate(let text): ("the date \"\(text)\" is not written as YYYY-MM-DD",
                                             "дата «\(text)» записана не в виде ГГГГ-ММ-ДД")
        case .measurementDateForm: ("write the date as YYYY-MM-DD", "напишите дату в виде ГГГГ-ММ-ДД")
        case .measurementValueForm: ("write a number or a range with its unit, e.g. \"35%\", \"20\", \"2–3 weeks\"",
                                     "напишите число или диапазон с единицей, например «35%», «20», «2–3 недели»")
        case .unknownStage(let name): ("the map has no stage \"\(name)\"", "в карте нет этапа «\(name)»")
        case .stageInBranches(let name): ("the map has a stage \"\(name)\" in more than one branch: add the branch's label",
                                          "этап «\(name)» есть в нескольких ветках карты: добавьте метку ветки")
        case .metricsOfSchema(let en, let ru): ("name the metric, e.g. \(Self.list(en.map { "\"\($0)\"" }, and: "or"))",
                                                "напишите название метрики, например \(ru.map { "«\($0)»" }.joined(separator: ", "))")
        case .stagesOfMap(let names): ("the map's stages are \(Self.list(names.map { "\"\($0)\"" }, and: "and"))",
                                       "этапы карты: \(names.map { "«\($0)»" }.joined(separator: ", "))")
        case .reviewOverdue(let last, let due):
            ("the map was last measured on \(CalendarDay.words(last, in: .en)); the next review was due on \(CalendarDay.words(due, in: .en))",
             "последний замер — \(CalendarDay.words(last, in: .ru)), следующий нужно было провести до \(CalendarDay.words(due, in: .ru))")
        case .measureAgain: ("measure the stages again and add the rows to the measurements file",
                             "замерьте этапы снова и добавьте строки в файл с замерами")
        case .measuredAfterToday(let date, let today):
            ("the row is dated \(CalendarDay.words(date, in: .en)), after the day of the check (\(CalendarDay.words(today, in: .en))): it is taken as the latest measurement, and the next review is counted from it",
             "строка датирована \(CalendarDay.words(date, in: .ru)) — позже дня проверки (\(CalendarDay.words(today, in: .ru))): замер считается последним, и от него отсчитывается срок следующего замера")
        case .checkMeasurementDate: ("check the year and the month of the date", "проверьте год и месяц в дате")
        case .measuredBeforeUpdated(let last, let updated):
            ("the measurements (the latest of \(CalendarDay.words(last, in: .en))) are older than the map's date, \(CalendarDay.words(updated, in: .en)): the evaluation leaves them out",
             "замеры (последний — \(CalendarDay.words(last, in: .ru))) раньше даты карты, \(CalendarDay.words(updated, in: .ru)): оценка их не учитывает")
        case .updatedNotAfter(let last):
            ("if the map's figures have not changed since, write \"updated: \(last)\"; if they have, add them to the measurements file",
             "если цифры карты с тех пор не менялись, напишите «updated: \(last)»; если менялись, добавьте их в файл с замерами")
        case .badAudience(let text): ("\"audience\" should be a number of customers, not \"\(text)\"",
                                      "в «audience» нужно число клиентов, а здесь «\(text)»")
        case .writeAudience: ("write how many customers enter the first stage, e.g. \"audience: 12000\"",
                              "укажите, сколько клиентов приходит на первый этап, например «audience: 12000»")
        case .badEvidence(let text): ("\"evidence\" should say how the figures were obtained, not \"\(text)\"",
                                      "в «evidence» укажите, откуда взяты цифры; «\(text)» tropa не знает")
        case .writeOneOf(let words): ("write one of: " + words.joined(separator: ", "),
                                      "подойдёт одно из: " + words.joined(separator: ", "))
        case .stageOfBranches(let fragments): ("the stage is in more than one branch; name it with its branch: " + fragments.joined(separator: ", "),
                                               "этап есть в нескольких ветках; назовите его с меткой ветки: " + fragments.joined(separator: ", "))
        case .badPriority(let text): ("\"priority\" should be high, medium or low, not \"\(text)\"",
                                      "в «priority» нужен приоритет (высокий, средний, низкий), а здесь «\(text)»")
        case .badRevenue(let text): ("\"revenue\" should be a sum of money, not \"\(text)\"",
                                     "в «revenue» нужна сумма, а здесь «\(text)»")
        case .writeRevenue: ("write the pair's potential revenue as a whole number, e.g. \"revenue: 1200000\"",
                             "укажите потенциальную выручку пары целым числом, например «revenue: 1200000»")
        case .unknownMap(let name): ("no map \"\(name)\" to compare with", "нет карты «\(name)», с которой сравнивать")
        case .brokenLink(let path): ("the link leads to no map: \"\(path)\"", "ссылка ведёт к несуществующей карте «\(path)»")
        case .brokenPersonaLink(let path): ("the link leads to no persona: \"\(path)\"",
                                            "ссылка ведёт к несуществующей персоне «\(path)»")
        case .linkToMapFile(let example):
            ("link to a map by its file, relative to this one, e.g. \"\(example ?? "../retail/sofa.md")\"",
             "ссылайтесь на карту по её файлу относительно этой, например «\(example ?? "../retail/sofa.md")»")
        case .noOtherMap: ("the site has no other map yet: write the one the link leads to (`tropa new`), or remove the link",
                           "других карт на сайте пока нет: создайте карту, на которую ведёт ссылка (`tropa new`), или уберите ссылку")
        case .brokenFileLink(let path): ("the link leads to no file: \"\(path)\"", "ссылка ведёт к несуществующему файлу «\(path)»")
        case .linkToMeasurements(let path): ("the link leads to \"\(path)\", a map's measurements: the site reads them and does not publish the file",
                                             "ссылка ведёт к «\(path)» — замерам карты: сайт их читает, а сам файл на сайт не копируется")
        case .putFileAt(let path): ("put the file at \(path), or link to it by its full address (https://…)",
                                    "положите файл в \(path) или дайте ссылку полным адресом (https://…)")
        case .linkToHiddenFile(let path, let hidden):
            ("the link leads to \"\(path)\", and \"\(hidden)\" is hidden (its name starts with a dot): hidden files and folders are not published",
             "ссылка ведёт к «\(path)», а «\(hidden)» — скрытое имя (начинается с точки): скрытые файлы и папки на сайт не копируются")
        case .unhide(let hidden): ("rename \"\(hidden)\" without the dot at the start, and change the link",
                                   "переименуйте «\(hidden)» без точки в начале и поправьте ссылку")
        case .publishMeasurements: ("to publish the file, link to a copy of it under another name, or to where it is hosted (https://…)",
                                    "чтобы опубликовать файл, дайте ссылку на его копию под другим именем или на адрес, где он лежит (https://…)")
        case .linkOutOfContent(let path): ("the link leads out of the site's content, to \"\(path)\": the site has no page for it",
                                           "ссылка «\(path)» ведёт за пределы содержимого сайта: такой страницы на сайте нет")
        case .linkByAddress: ("link to it by its full address (https://…)", "дайте ссылку полным адресом (https://…)")
        case .brokenAnchor(let anchor, let map): ("the map \"\(map)\" has no stage \"\(anchor)\"",
                                                   "в карте «\(map)» нет этапа «\(anchor)»")
        case .stagesAre(let names): ("its stages: " + names.map { "#" + $0 }.joined(separator: ", "),
                                     "её этапы: " + names.map { "#" + $0 }.joined(separator: ", "))
        case .linkToDraft(let path): ("the link leads to a draft, \"\(path)\": a build without --drafts leaves its page out, and the link leads nowhere",
                                      "ссылка ведёт к черновику «\(path)»: сборка без --drafts не собирает его страницу, и ссылка никуда не ведёт")
        case .publishDraftOrUnlink: ("publish that map (delete its \"draft:\" line), build with --drafts, or take the link out",
                                     "опубликуйте ту карту (удалите у неё строку «draft:»), соберите сайт с --drafts или уберите ссылку")
        case .unknownActionKind(let kind, let layer):
            ("the schema lists no kind \"\(kind)\" for \"\(layer)\"", "в схеме у слоя «\(layer)» нет вида «\(kind)»")
        case .actionKindsAre(let kinds): ("the kinds are: " + kinds.joined(separator: ", "),
                                          "виды в схеме: " + kinds.joined(separator: ", "))
        case .unknownOwner(let owner, let layer):
            ("the schema lists no owner \"@\(owner)\" for \"\(layer)\"", "в схеме у слоя «\(layer)» нет ответственного «@\(owner)»")
        case .ownersAre(let owners): ("the owners are: " + owners.joined(separator: ", "),
                                      "ответственные в схеме: " + owners.joined(separator: ", "))
        case .unreadableOwner(let owner): ("no action can name the owner \"\(owner)\"", "ни одно действие не сможет назвать ответственного «\(owner)»")
        case .ownersRule: ("an owner is letters, digits, \"_\", \"-\" and \".\", not ending with \".\"",
                           "ответственный пишется буквами, цифрами, «_», «-» и «.», но не заканчивается точкой")
        case .unknownBaseSchema(let name): ("a schema can extend only \"default\", not \"\(name)\"",
                                            "схема может расширять только «default», а не «\(name)»")
        case .afterWithoutExtends: ("\"after\" places a layer among inherited ones, and this schema extends none",
                                    "«after» ставит слой среди унаследованных, а эта схема ничего не расширяет")
        case .unknownAfter(let id): ("no other layer \"\(id)\" to place this one after", "нет другого слоя «\(id)», после которого поставить этот")
        case .layerIDsAre(let ids): ("the layers are: " + ids.joined(separator: ", "), "слои схемы: " + ids.joined(separator: ", "))
        case .inheritedKind(let id, let kind):
            ("the inherited layer \"\(id)\" is of kind \(kind) and stays so", "унаследованный слой «\(id)» остаётся вида \(kind)")
        case .unreadableKind(let kind): ("no action can name the kind \"\(kind)\"", "ни одно действие не сможет назвать вид «\(kind)»")
        case .kindsRule: ("a kind is up to 40 characters, without brackets, line breaks or spaces at its ends",
                          "вид — до 40 символов, без квадратных скобок, переносов строки и пробелов по краям")
        case .newLayerInstead: ("add a layer with an id of its own instead", "лучше добавьте отдельный слой со своим id")
        case .mapsAreNamed(let example): ("name a map by its file under content/, without .md, e.g. \"\(example)\"",
                                          "назовите карту по её файлу в content/ без .md, например «\(example)»")
        case .noMapToCompare: ("the site has no other map to compare with yet: write it (`tropa new`) or remove the name",
                               "других карт на сайте пока нет: создайте карту для сравнения (`tropa new`) или уберите название")
        case .requiredLayerEmpty(let layer, let stage):
            ("the required layer \"\(layer)\" of stage \"\(stage)\" is empty",
             "в этапе «\(stage)» пустой обязательный слой «\(layer)»")
        case .fillRequired: ("fill it in: this layer is required", "заполните его: это обязательный слой")
        case .layerEmpty(let layer, let stage): ("the layer \"\(layer)\" of stage \"\(stage)\" is empty",
                                                 "в этапе «\(stage)» пустой слой «\(layer)»")
        case .fillOrRemove: ("fill it in or remove the heading", "заполните его или уберите заголовок")
        case .deepLayerHeading(let marks, let text):
            ("\"\(marks) \(text)\" is not a layer: use ###", "«\(marks) \(text)» не считается слоем: слой пишут через ###")
        case .shallowLayerHeading(let text):
            ("\"## \(text)\" is a layer, not a stage: a layer's heading has three #", "«## \(text)» — слой, а не этап: заголовок слоя пишут через ###")
        case .deepStageHeading(let text, let stage):
            ("\"### \(text)\" names no layer, and the layers after it are in the stage \"\(stage)\" already: a stage's heading has two #",
             "«### \(text)» не называет слой, а слои после него в этапе «\(stage)» уже есть: заголовок этапа пишут через ##")
        case .write(let line): (line, "напишите «\(line)»")
        case .acceptedLayers(let titles):
            ("the layers are " + titles.map { "\"\($0)\"" }.joined(separator: ", ")
                + " (`tropa schema` lists every name they accept)",
             "в этой схеме такие слои: " + titles.map { "«\($0)»" }.joined(separator: ", ")
                + " (все их допустимые названия показывает `tropa schema`)")
        case .level1Heading(let text): ("a level-1 heading \"\(text)\" in the body",
                                        "лишний заголовок первого уровня «\(text)»")
        case .titleInFrontMatter: ("the map's title belongs in the front-matter; use \"##\" for a stage",
                                   "название карты пишут во front-matter, а этапы начинают с «##»")
        case .personaNameInFrontMatter: ("the persona's name belongs in the front-matter; use \"##\" for a section",
                                         "имя персоны пишут во front-matter, а разделы начинают с «##»")
        case .branchLabelEmpty(let stage): ("the branch label of stage \"\(stage)\" is empty",
                                            "у этапа «\(stage)» пустая метка ветки")
        case .nameTheBranch(let stage):
            ("name the branch, e.g. \"## \(stage.isEmpty ? "Визит в шоурум" : stage) {Офлайн}\", or remove the braces",
             "назовите ветку, например «## \(stage.isEmpty ? "Визит в шоурум" : stage) {Офлайн}», или уберите скобки")
        case .branchLabelWithoutName(let label): ("the stage with the branch label {\(label)} has no name",
                                                  "у этапа с меткой ветки {\(label)} нет названия")
        case .nameBeforeLabel(let label): ("write the stage's name before the label, e.g. \"## Визит в шоурум {\(label)}\"",
                                           "напишите название этапа перед меткой, например «## Визит в шоурум {\(label)}»")
        case .branchLabelBrace(let label): ("the branch label {\(label)} holds a brace",
                                            "в метке ветки {\(label)} есть фигурная скобка")
        case .branchLabelUnclosed(let label): ("the branch label {\(label) is not closed with \"}\"",
                                               "метка ветки {\(label) не закрыта скобкой «}»")
        case .closeLabel(let label): ("close it, \"{\(label)}\", or write a brace of the stage's name as \\{",
                                      "закройте её: «{\(label)}» — или запишите скобку в названии этапа как \\{")
        case .labelsWithoutBraces: ("write a brace in a stage's name as \\{ and keep labels without braces",
                                    "скобку в названии этапа пишите как \\{, а в метках ветки скобок быть не должно")
        case .branchSplit(let label, let other):
            ("the branch {\(label)} is interrupted by {\(other)}: its stages must follow each other",
             "ветку {\(label)} прерывает ветка {\(other)}: этапы одной ветки должны идти подряд")
        case .keepBranchTogether(let label): ("move this stage next to the other stages of {\(label)}",
                                              "поставьте этот этап рядом с остальными этапами ветки {\(label)}")
        case .mermaidNotJourney: ("the file is not a Mermaid user journey: its first line is not \"journey\"",
                                  "файл не путь пользователя Mermaid: первая строка не «journey»")
        case .startWithJourney: ("start the diagram with the line \"journey\"", "начните диаграмму строкой «journey»")
        case .mermaidUnexpected(let text): ("Mermaid cannot read \"\(text)\" here", "Mermaid не прочтёт здесь «\(text)»")
        case .mermaidTaskForm: ("write a task as \"Make tea: 5: Me\": its text, a colon, a score from 1 to 5, actors after a colon",
                                "запишите задачу как «Заварить чай: 5: Я»: текст, двоеточие, оценка от 1 до 5, после двоеточия участники")
        case .mermaidNotScore(let text): ("\"\(text)\" is not a score: Mermaid scores a task from 1 to 5",
                                          "«\(text)» не оценка: Mermaid оценивает задачу от 1 до 5")
        case .mermaidScoreClamped(let score, let to): ("the score \(score) is outside Mermaid's 1..5: imported as \(to)",
                                                       "оценка \(score) вне шкалы Mermaid 1..5: импортирована как \(to)")
        case .mermaidScoreRounded(let score, let to): ("the score \(score) is not a whole number: imported as \(to)",
                                                       "оценка \(score) не целая: импортирована как \(to)")
        case .mermaidScores: ("use a score from 1 to 5", "поставьте оценку от 1 до 5")
        case .theDiagram: ("the diagram", "диаграмма")
        case .branchReused(let label, let line):
            ("the branch label {\(label)} is already used by the fork at line \(line)",
             "метка {\(label)} уже занята развилкой в строке \(line)")
        case .branchTypo(let label, let like):
            ("the branch label {\(label)} differs from {\(like)} of the stage above by one letter: it starts a branch of its own beside {\(like)}, not the next step of that branch",
             "метка {\(label)} отличается от {\(like)} этапа выше одной буквой: это новая ветка рядом с {\(like)}, а не продолжение ветки {\(like)}")
        case .linkWithSpace(let text):
            ("\"\(text)\" is not a link: its address holds a space, and the page shows it as it is typed",
             "«\(text)» не стала ссылкой: в адресе пробел, и страница покажет её так, как она набрана")
        case .tableAsText:
            ("a Markdown table: the pages' Markdown has no tables and shows its rows as they are typed",
             "таблица Markdown: таблиц в этой разметке нет, и страница покажет её строки так, как они набраны")
        case .tableAsList:
            ("write its rows as a list (\"- …\")", "запишите её строки списком («- …»)")
        case .labelsPerFork: ("give the branches of each fork labels of their own",
                              "у веток каждой развилки должны быть свои метки")
        case .forkNeedsTwoBranches: ("a fork needs two branches or more, e.g. --branches \"Онлайн,Офлайн\"",
                                     "для развилки нужны хотя бы две ветки, например --branches «Онлайн,Офлайн»")
        case .branchesLabelEmpty: ("a branch label is empty", "одна из меток веток пустая")
        case .branchesLabelTwice: ("a branch label is given twice", "одна и та же метка ветки указана дважды")
        case .branchesLabelBrace: ("a branch label holds a brace", "в метке ветки есть фигурная скобка")
        case .unnamedStage: ("a stage heading without a name", "у этапа нет названия")
        case .nameTheStage: ("write the stage's name after \"## \"", "напишите название этапа после «## »")
        case .underlinedStage(let stage, let underline):
            ("the line \"\(underline)\" under \"\(stage)\" makes it a stage heading",
             "черта «\(underline)» под текстом «\(stage)» делает его заголовком этапа")
        case .ownerNotLast(let owner):
            ("\"@\(owner)\" is not read as the action's owner: the owner is the item's last word, with no mark after it",
             "«@\(owner)» не стал ответственным: ответственного пишут последним словом пункта, без знаков после него")
        case .moveOwnerToEnd(let owner):
            ("end the item with \"@\(owner)\", with nothing after it", "закончите пункт на «@\(owner)», без знаков после него")
        case .ownerInOneParagraph:
            ("an owner is read only in an item of one paragraph: make the item one paragraph ending with the owner",
             "ответственного читают только в пункте из одного абзаца: сделайте пункт одним абзацем и закончите его ответственным")
        case .metricTwice(let metric, let line):
            ("the metric \"\(metric)\" is written a second time in this stage; the figures take the first, on line \(line)",
             "метрика «\(metric)» записана в этом этапе второй раз; в расчётах — первая запись, в строке \(line)")
        case .oneEntryPerMetric:
            ("keep one entry; measurements taken again belong in the measurements file",
             "оставьте одну запись, а повторные замеры ведите в файле measurements")
        case .htmlOmitted(let html): ("the HTML \"\(html)\" is left out of the pages", "HTML «\(html)» не попадёт на страницы")
        // The value read as the pages write it in each language: `0.18%`, `0,18 %`.
        case .percentAsShare(let text, let read): ("\"\(text)\" is read as \(read)%: a share of one is written as a percentage",
                                                   "«\(text)» читается как \(Self.russian(read))\u{A0}%: если это доля единицы, запишите в процентах")
        case .csatAsScore(let text, let read):
            ("\"\(text)\" is read as \(read)%: CSAT is the share of satisfied customers; an average score out of 5 is a metric of its own",
             "«\(text)» читается как \(read.replacingOccurrences(of: ".", with: ","))\u{A0}%: CSAT — доля довольных клиентов, а средняя оценка по шкале до 5 — отдельная метрика")
        case .scoreAsOwnMetric(let name, let value?):
            ("\(Self.scaled(name, "out of 5")): \(value)", "напишите «\(Self.scaled(name, "из 5")): \(value)»")
        case .scoreAsOwnMetric(let name, nil):
            ("name the metric \"\(Self.scaled(name, "out of 5"))\" in the file and in the stage's metrics, or write the share of satisfied customers as a percentage",
             "назовите метрику «\(Self.scaled(name, "из 5"))» в файле и в метриках этапа или запишите долю довольных клиентов в процентах")
        case .linkOmitted(let url): ("the link to \"\(url)\" is left out of the pages: a page does not run what a link names",
                                     "ссылка на «\(url)» не попадёт на страницы: страница не выполняет то, что в ссылке")
        case .removeIndent(let key): ("start the line with \"\(key):\", without the spaces before it: such a key is not indented",
                                      "начните строку с «\(key):», без пробелов перед ключом: такие ключи пишут без отступа")
        case .linkToWebAddress:
            ("link to a web address (https://…) or a file of the site", "дайте ссылку на веб-адрес (https://…) или на файл сайта")
        case .markdownOrUnsafeHTML:
            ("write it in Markdown, or let HTML through with \"unsafe_html: true\" in tropa.yml",
             "напишите это средствами Markdown или разрешите HTML в tropa.yml: «unsafe_html: true»")
        case .stageOrNoDashes(let stage):
            ("for a stage, write \"## \(stage)\"; otherwise remove the dashes: this layer holds no separator line",
             "если это этап, напишите «## \(stage)»; иначе уберите черту: в этом слое разделительных линий не бывает")
        case .separatorOrStage(let stage):
            ("for a separator, leave an empty line above the dashes; for a stage, write \"## \(stage)\"",
             "если нужна черта-разделитель, оставьте над ней пустую строку; если это этап, напишите «## \(stage)»")
        case .duplicateStage(let stage, let line): ("the stage \"\(stage)\" appears twice in this map (first on line \(line))",
                                                    "этап «\(stage)» встречается в карте дважды (впервые — в строке \(line))")
        case .ownStageNames: ("give each stage its own name", "дайте каждому этапу своё название")
        case .layerBeforeStage(let text): ("the layer heading \"\(text)\" comes before any stage",
                                           "слой «\(text)» стоит выше первого этапа")
        case .addStageAbove: ("add a stage heading \"## …\" above it", "добавьте над ним заголовок этапа «## …»")
        case .unknownLayer(let layer, let stage): ("unknown layer \"\(layer)\" in stage \"\(stage)\"",
                                                   "в этапе «\(stage)» неизвестный слой «\(layer)»")
        case .didYouMean(let name): ("did you mean \"\(name)\"?", "может быть, «\(name)»?")
        case .lookalikeLetters(let name, let letters, let latin):
            ("did you mean \"\(name)\"? " + letters.map { "\"\($0)\"" }.joined(separator: ", ")
                + " here \(letters.count > 1 ? "are" : "is") \(latin ? "Latin" : "Cyrillic")",
             "может быть, «\(name)»? Здесь \(latin ? "латинск" : "кириллическ")\(letters.count > 1 ? "ие буквы" : "ая буква") "
                + letters.map { "«\($0)»" }.joined(separator: ", "))
        case .duplicateLayer(let layer, let stage, let line):
            ("the layer \"\(layer)\" appears twice in stage \"\(stage)\" (first on line \(line))",
             "слой «\(layer)» встречается в этапе «\(stage)» дважды (впервые — в строке \(line))")
        case .mergeTwo: ("merge the two into one", "объедините их в один")
        case .noStages: ("the map has no stages", "в карте нет ни одного этапа")
        case .startStages: ("start each stage with a level-2 heading, e.g. \"## Поиск решения\"",
                            "начинайте каждый этап с заголовка второго уровня, например «## Поиск решения»")
        case .emptyStage(let stage): ("the stage \"\(stage)\" has no layers", "в этапе «\(stage)» нет ни одного слоя")
        case .addLayers(let headings):
            ("add its layers under it, at least " + Self.list(headings.map { "\"\($0)\"" }, and: "and"),
             "добавьте под него слои, как минимум " + Self.list(headings.map { "«\($0)»" }, and: "и"))
        case .missingLayer(let stage, let layer): ("the stage \"\(stage)\" lacks the required layer \"\(layer)\"",
                                                   "в этапе «\(stage)» нет обязательного слоя «\(layer)»")
        case .addLayer(let layer): ("add \"### \(layer)\" to this stage", "добавьте в этот этап «### \(layer)»")
        case .headingNoSpace(let written, let marks):
            ("\"\(written)\" is not a heading: put a space after \(marks)",
             "«\(written)» не стал заголовком: не хватает пробела после \(marks)")
        case .headingOddSpace(let written, let marks, let code, let noBreak):
            ("\"\(written)\" is not a heading: the space after \(marks) is \(noBreak ? "a no-break space" : "a special space") (U+\(code)); type a plain space",
             "«\(written)» не стал заголовком: после \(marks) стоит \(noBreak ? "неразрывный" : "особый") пробел (U+\(code)), так бывает при вставке из Word; наберите обычный пробел")
        case .manyLists(let layer, let count): ("the layer \"\(layer)\" should hold one list, but there are \(count)",
                                                "в слое «\(layer)» должен быть один список, а их \(count)")
        case .notAList(let layer, let block): ("the layer \"\(layer)\" should be a list, but here is \(block.texts.en)",
                                               "слой «\(layer)» пишут списком, а здесь \(block.texts.ru)")
        case .writeListItems: ("write each entry as a list item: \"- …\"", "начинайте каждый пункт с «- …»")
        case .emotionBlock(let block): ("an emotion layer holds scores, but here is \(block.texts.en)",
                                        "в слое эмоций ставят оценки, а здесь \(block.texts.ru)")
        case .emotionNoScore(let text): ("the emotion \"\(text)\" does not start with a score or a face",
                                         "эмоция «\(text)» должна начинаться с оценки или смайлика")
        case .emotionSpacedMinus(let text):
            ("the minus before \"\(text)\" is followed by a space, so Markdown reads it as a list marker and the score as positive",
             "минус перед «\(text)» отделён пробелом: Markdown читает его как маркер списка, а оценку — как положительную")
        case .emotionHelp:
            ("start with a score such as \"-1\", \"0\" or \"+2\", or a face 😡 🙁 😐 🙂 😀, then the label",
             "сначала оценка, например «-1», «0» или «+2», или смайлик 😡 🙁 😐 🙂 😀, потом подпись")
        case .scoreOutOfScale(let score, let low, let high):
            ("the score \(score) is outside the scale \(low)..\(high)",
             "оценка \(Self.russian(score)) не входит в шкалу от \(Self.russian(low)) до \(Self.russian(high))")
        case .useScore(let low, let high):
            ("use a score from \(low) to \(high)", "поставьте оценку от \(Self.russian(low)) до \(Self.russian(high))")
        case .unknownMetric(let name): ("\"\(name)\" is not a metric of the schema", "метрики «\(name)» нет в схеме")
        case .metricNotInStage(let metric, let stage):
            ("\"\(metric)\" is neither a metric of the schema nor one of the stage \"\(stage)\"",
             "метрики «\(metric)» нет ни в схеме, ни в слое метрик этапа «\(stage)»")
        case .addMetricToStage(let metric, let stage):
            ("add \"- \(metric): …\" to the metrics layer of \"\(stage)\", or correct the name; the row is shown among the measurements either way",
             "добавьте «- \(metric): …» в слой метрик этапа «\(stage)» или исправьте название; замер и так показан в разделе замеров")
        case .metricNoColon(let text): ("the metric \"\(text)\" is not written as NAME: VALUE",
                                        "метрика «\(text)» записана не в виде «Название: значение»")
        case .metricNoValue(let text): ("the metric \"\(text)\" has no value", "у метрики «\(text)» нет значения")
        case .metricNoNumber(let text): ("the value of \"\(text)\" is not a number", "в «\(text)» значение должно быть числом")
        case .metricSpacedSign(let text): ("in \"\(text)\" a space stands between the sign and the number",
                                           "в «\(text)» между знаком и числом стоит пробел")
        case .metricDashForMinus(let text): ("in \"\(text)\" a dash stands where the minus sign goes",
                                             "в «\(text)» вместо минуса стоит тире")
        case .negativeDuration(let metric): ("\"\(metric)\" is a duration below zero", "«\(metric)» — длительность меньше нуля")
        case .durationAtLeastZero: ("write how long the stage takes, e.g. \"3 days\"",
                                    "напишите, сколько длится этап, например «3 дня»")
        case .metricCurrencyFirst(let text): ("in \"\(text)\" the currency sign stands before the number",
                                              "в «\(text)» знак валюты стоит перед числом")
        case .currencyAfterNumber(let value): ("write the sign after the number: \"\(value)\"",
                                               "напишите знак после числа: «\(value)»")
        case .metricCompoundDuration(let text): ("\"\(text)\" gives the time in two units, and a value is one number in one unit",
                                                 "в «\(text)» время записано в двух единицах, а значение — одно число в одной единице")
        case .metricNotOneNumber(let text): ("the value of \"\(text)\" is neither one number nor a range",
                                             "в «\(text)» нужно одно число или диапазон")
        case .metricReversedRange(let text): ("the range in \"\(text)\" starts above where it ends",
                                              "в «\(text)» диапазон начинается с большего числа")
        case .metricUnreadableTarget(let text): ("the target in \"\(text)\" is not a number", "в «\(text)» цель должна быть числом")
        case .metricNotPercent(let metric, let text): ("\"\(metric)\" is a percentage, but \"\(text)\" is not",
                                                      "«\(metric)» измеряется в процентах: «\(text)» так не читается")
        case .metricNoTimeUnit(let metric, let text): ("\"\(metric)\" is a duration, but \"\(text)\" has no unit of time",
                                                      "«\(metric)» измеряется во времени, а в «\(text)» не сказано, в чём: дни, недели…")
        case .metricNotTimeUnit(let metric, let unit): ("\"\(metric)\" is a duration, but \"\(unit)\" is no unit of time",
                                                        "«\(metric)» измеряется во времени, а «\(unit)» — не единица времени")
        case .metricHasUnit(let metric, let text): ("\"\(metric)\" is a plain number, but \"\(text)\" has a unit",
                                                   "«\(metric)» записывают просто числом, а в «\(text)» есть единица измерения")
        case .metricForm:
            ("write a name, a colon and a number or a range, e.g. \"Конверсия: 35%\", \"NPS: 20\", \"Длительность: 2–3 недели\"",
             "напишите название, двоеточие и число или диапазон, например «Конверсия: 35%», «NPS: 20», «Длительность: 2–3 недели»")
        case .smallerFirst: ("write the smaller number first, e.g. \"2–3 недели\"",
                             "сначала меньшее число, потом большее, например «2–3 недели»")
        case .targetForm: ("write the target as a number after the word, e.g. \"35% (цель 45%)\" or \"35% (target 45%)\"",
                           "цель пишут числом после слова, например «35% (цель 45%)»")
        case .writePercent: ("write it as a percentage, e.g. \"35%\"", "укажите в процентах, например «35%»")
        case .addTimeUnit: ("add a unit of time, e.g. \"3 дня\" or \"2 weeks\"",
                            "добавьте единицу времени, например «3 дня» или «2 недели»")
        case .writeNumberAlone: ("write the number alone, e.g. \"20\"", "оставьте только число, например «20»")
        case .valueOutOfRange(let metric, let value, let low, let high):
            ("\"\(metric)\" is \(value), outside \(low)..\(high)", "«\(metric)»: \(value), а допустимо от \(low) до \(high)")
        case .targetOutOfRange(let metric, let target, let low, let high):
            ("the target of \"\(metric)\" is \(target), outside \(low)..\(high)",
             "цель для «\(metric)»: \(target), а допустимо от \(low) до \(high)")
        case .useValue(let low, let high): ("use a value from \(low) to \(high)", "укажите значение от \(low) до \(high)")
        // Not in brackets: `--format github` puts the whole help in brackets.
        case .draftLenient(let help):
            ((help.map { $0.texts.en + "; " } ?? "") + "an error once \"draft: true\" is removed",
             (help.map { $0.texts.ru + "; " } ?? "") + "станет ошибкой, когда уберёте «draft: true»")
        case .draftUnfilled(let first, let more):
            (first.texts.en + "; and \(more) more empty or missing \(more == 1 ? "layer or stage" : "layers and stages") in this draft",
             first.texts.ru + "; и ещё пустых или недостающих слоёв и этапов в черновике: \(more)")
        case .fillDraft:
            ("fill the layers in one by one: the required ones become errors once \"draft: true\" is removed; the others may stay empty or go",
             "заполняйте слои постепенно: пустые обязательные станут ошибками, когда уберёте «draft: true», а необязательные можно оставить пустыми или убрать")
        case .unknownPersona(let id): ("no persona \"\(id)\" in content/personas/", "в content/personas/ нет персоны «\(id)»")
        case .addPersona(let id): ("add content/personas/\(id).md", "добавьте файл content/personas/\(id).md")
        case .personasOfSite(let ids): ("personas of this site: \(ids.joined(separator: ", "))",
                                        "персоны этого сайта: \(ids.joined(separator: ", "))")
        case .unknownSection(let text): ("unknown persona section \"\(text)\"", "в персоне неизвестный раздел «\(text)»")
        case .personaSections:
            ("persona sections are Мотивы, Сценарии, Драйверы, Барьеры (Motives, Scenarios, Drivers, Barriers)",
             "у персоны бывают разделы «Мотивы», «Сценарии», «Драйверы» и «Барьеры»")
        case .duplicateSection(let text, let line): ("the section \"\(text)\" appears twice (first on line \(line))",
                                                     "раздел «\(text)» встречается дважды (впервые — в строке \(line))")
        case .folderTaken(let what, let folder, .sitePages):
            ("\(what.texts.en) would be written to \(folder)/, which is for \(Owner.sitePages.texts.en)",
             "\(what.texts.ru) попадёт в папку \(folder)/, а она — для \(Owner.sitePages.texts.ru)")
        case .folderTaken(let what, let folder, let owner):
            ("\(what.texts.en) would be written to \(folder)/, like \(owner.texts.en)",
             "\(what.texts.ru) попадёт в папку \(folder)/, куда уже пишется \(owner.texts.ru)")
        case .renameOne: ("rename one of the two files", "переименуйте один из двух файлов")
        case .renameOffSitePages(let folder): ("rename this file: \(folder)/ is the folder of the site's own pages",
                                               "переименуйте этот файл: папка \(folder)/ — для общих страниц сайта")
        case .overwritesPage(let path): ("this file would overwrite a page tropa writes: \(path)",
                                         "этот файл затрёт страницу, которую делает tropa: \(path)")
        case .renameOrMove: ("rename or move the file", "переименуйте или перенесите файл")
        case .templateInvalid(let detail): ("the template does not parse: \(detail)", "в шаблоне ошибка: \(detail)")
        case .templateWrongClose(let open, let line):
            ("this closes another section than the one still open, \"\(open)\" on line \(line)",
             "здесь закрывается не та секция: открыта «\(open)» в строке \(line)")
        case .templateUnclosed(let open, let line):
            ("the section \"\(open)\" on line \(line) is never closed", "секция «\(open)» из строки \(line) не закрыта")
        case .templateUnfinishedTag: ("a tag is not finished with }}", "тег не закрыт знаками }}")
        case .templateNotUsed(let file): ("\"\(file)\" is no template of the theme, and no template includes it: nothing renders it",
                                          "«\(file)» — не шаблон темы, и ни один шаблон его не подключает: он нигде не выводится")
        case .templateUnknownName(let name): ("the pages have no field \"\(name)\": it prints nothing",
                                              "у страниц нет поля «\(name)»: на его месте ничего не выведется")
        case .templateNamesAre: ("the fields of each template are listed in docs/format.md, under The theme",
                                 "поля каждого шаблона перечислены в docs/format.md, в разделе «The theme»")
        case .templateIncludesItself(let name, let cycle):
            ("\"{{> \(name)}}\" makes \"\(cycle[0])\" include itself (\(cycle.joined(separator: " → "))): it would be printed without end",
             "«{{> \(name)}}» включает шаблон «\(cycle[0])» в самого себя (\(cycle.joined(separator: " → "))): он печатался бы без конца")
        case .includeInSection:
            ("remove it, or put it in a section that ends, as the outline does: {{#children}}…{{/children}}",
             "уберите его или поставьте в секцию, которая когда-нибудь пуста, как в оглавлении: {{#children}}…{{/children}}")
        case .templateUnknown(let name): ("there is no template \"\(name)\": it would print nothing",
                                          "шаблона «\(name)» нет: здесь ничего не выведется")
        case .templatesOfTheme(let names): ("the theme's templates: \(names.joined(separator: ", "))",
                                            "шаблоны темы: \(names.joined(separator: ", "))")
        case .templateCloseNothing: ("this closes a section that is not open", "здесь закрывается секция, которая не открыта")
        case .removeClose: ("remove this {{/…}}, or open its section above it", "уберите этот {{/…}} или откройте его секцию выше")
        case .closeSection(let name): ("close it with {{/\(name)}} first", "сначала закройте её: {{/\(name)}}")
        case .aliasInKey: ("an alias (*name) cannot be used in a key", "ссылку (*имя) нельзя ставить в ключ")
        case .writeKeyOut: ("write the key out as text", "напишите ключ текстом")
        case .yamlUnreadable(let detail): ("the YAML cannot be read: \(detail)", "не удаётся прочитать YAML: \(detail)")
        case .yamlSyntax(let detail): ("the YAML does not parse: \(detail)", "не удаётся разобрать YAML: \(Self.yamlProblemInRussian(detail))")
        case .quoteUnclosed(let quote): ("the quote \(quote) that opens here is never closed",
                                         "кавычка \(quote) здесь открыта, но не закрыта")
        case .closeQuote(let quote): ("close it with \(quote) at the end of the value, or remove it",
                                      "закройте её такой же \(quote) в конце значения или уберите")
        case .keyTwice(let keys): ("the key \(keys.map { "\"\($0)\"" }.joined(separator: ", ")) is given twice",
                                   "ключ \(keys.map { "«\($0)»" }.joined(separator: ", ")) указан дважды")
        case .keepOne: ("keep one of them", "оставьте один")
        case .quotesInLine(let marks, let key, let fixed):
            (marks + (marks.count > 1 ? " are typographic quotes" : " is a typographic quote")
                + ", which YAML reads as text, not as quotes"
                + (key.map { k in fixed.map { "; put the whole value in straight quotes: \(k): '\($0)'" } ?? "" } ?? ""),
             (marks.count > 1 ? "\(marks) — типографские кавычки" : "\(marks) — типографская кавычка")
                + ": для YAML это просто текст"
                + (key.map { k in fixed.map { "; возьмите всё значение в прямые кавычки: \(k): '\($0)'" } ?? "" } ?? ""))
        case .quoteWholeValue(let key, let fixed): ("a value with \": \" in it goes in straight quotes: \(key): '\(fixed)'",
                                                    "значение с «: » берут в прямые кавычки: \(key): '\(fixed)'")
        case .quoteColonValue: ("put quotes around a value that contains \": \"",
                                "если в значении есть «: », возьмите его в кавычки")
        case .indentWithSpaces: ("indent YAML with spaces, not tabs", "в YAML отступы делают пробелами, а не табуляцией")
        case .notMapping(let part): ("\(part.texts.en.the) should be a mapping of `key: value` lines",
                                     "\(part.texts.ru) нужны строки вида «ключ: значение»")
        case .unknownKey(let part, let key): ("unknown \(part.texts.en.adjective) key \"\(key)\"",
                                              "неизвестный ключ «\(key)» \(part.texts.ru)")
        case .knownKeys(let keys): ("known keys: \(keys.joined(separator: ", "))", "ключи бывают такие: \(keys.joined(separator: ", "))")
        case .keyInEnglish(let key): ("keys are written in English: \"\(key)\"", "ключи пишутся по-английски: «\(key)»")
        case .shouldBeText(let key): ("\"\(key)\" should be text", "в «\(key)» нужен текст")
        case .shouldBeBool(let key, let value): ("\"\(key)\" should be true or false, not \(value.texts.en)",
                                                 "в «\(key)» нужно true или false, а здесь \(value.texts.ru)")
        case .shouldBeNumber(let key, let value): ("\"\(key)\" should be a number, not \(value.texts.en)",
                                                   "в «\(key)» нужно число, а здесь \(value.texts.ru)")
        case .itemsShouldBeTexts(let key): ("the items of \"\(key)\" should be texts, like [b2b, saas]",
                                            "в списке «\(key)» нужны слова, например [b2b, saas]")
        case .shouldBeList(let key, let value): ("\"\(key)\" should be a list, like [b2b, saas], not \(value.texts.en)",
                                                 "в «\(key)» нужен список, например [b2b, saas], а здесь \(value.texts.ru)")
        case .emptyTag(let key): ("a tag in \"\(key)\" is empty", "в «\(key)» пустой тег")
        case .nameOrRemoveTag: ("name the tag or remove it", "впишите название тега или уберите его")
        case .tagsAsText(let key, let tag): ("\"\(key)\" is one tag, \"\(tag)\": commas separate tags only in a list",
                                             "в «\(key)» получился один тег «\(tag)»: запятые разделяют теги только в списке")
        case .listItemContinued(let key, let line, let item):
            ("in \"\(key)\", \"\(line)\" stands further right than the item above, so YAML reads one item, \"\(item)\"",
             "в «\(key)» строка «\(line)» сдвинута правее пункта над ней, и YAML читает их как один пункт «\(item)»")
        case .alignDash(let line): ("put the dash of \"\(line)\" under the one above", "выровняйте «\(line)» по дефису строки выше")
        case .writeList(let key, let items): ("write a list: \(key): [\(items.joined(separator: ", "))]",
                                              "напишите списком: \(key): [\(items.joined(separator: ", "))]")
        case .quotedValue(let quoted, let pair):
            ("\(quoted.texts.en) is in typographic quotes \(pair), which YAML keeps as part of the text",
             "\(quoted.texts.ru) в типографских кавычках \(pair), и YAML оставит их частью текста")
        case .writeWithoutQuotes(let inner): ("write it without them: \(inner)", "напишите без них: \(inner)")
        case .rangeOfTwo(let key): ("\"\(key)\" should be two numbers, like [-2, 2]",
                                    "в «\(key)» нужны два числа, например [-2, 2]")
        case .rangeTooWide(let key): ("\"\(key)\" should be numbers from -10^15 to 10^15",
                                      "в «\(key)» нужны числа от -10^15 до 10^15")
        case .rangeReversed(let key, let low, let high): ("\"\(key)\" should go from low to high, not [\(low), \(high)]",
                                                          "в «\(key)» сначала меньшее число, потом большее, а здесь [\(low), \(high)]")
        case .languageNoTheme(let text): ("the language \"\(text)\" has no theme", "для языка «\(text)» нет темы")
        case .useRuOrEn: ("use \"ru\" or \"en\"", "укажите «ru» или «en»")
        case .unknownOutput(let name): ("tropa writes no file \"\(name)\" for a map", "файла «\(name)» для карты tropa не пишет")
        case .outputsAre(let names): ("the outputs are: " + names.joined(separator: ", "),
                                      "файлы карты: " + names.joined(separator: ", "))
        case .badBaseURL(let text): ("\"base_url\" should be an absolute http or https address, not \"\(text)\"",
                                     "в «base_url» нужен полный адрес http или https, а здесь «\(text)»")
        case .baseURLTail(let tail): ("\"base_url\" is the address of the site's folder, which has no \"\(tail)\"",
                                      "«base_url» — адрес папки сайта, в нём не бывает «\(tail)»")
        case .writeBaseURL: ("write the address the site is published at, e.g. \"base_url: https://example.com/cjm/\"",
                             "укажите адрес, по которому опубликован сайт, например «base_url: https://example.com/cjm/»")
        case .shouldBePath(let key): ("\"\(key)\" should be a path", "в «\(key)» нужен путь к папке или файлу")
        case .shouldBeCount(let key): ("\"\(key)\" should be a whole number above zero, like 200",
                                       "в «\(key)» нужно целое число больше нуля, например 200")
        case .schemaEmpty: ("the schema file is empty", "файл схемы пустой")
        case .startFromDefault(let output):
            ("delete the file to use the default schema, or start from the default: "
                + (output.map { "`tropa schema --default --output \($0)` in the site folder writes it there" }
                    ?? "`tropa schema --default --format yaml` prints it"),
             "удалите файл, чтобы работать со схемой по умолчанию, или начните с неё: "
                + (output.map { "`tropa schema --default --output \($0)` в папке сайта запишет её туда" }
                    ?? "`tropa schema --default --format yaml` её покажет"))
        case .noLayers: ("the schema declares no layers", "в схеме не описано ни одного слоя")
        case .addLayersKey: ("add \"layers:\" with at least one layer", "добавьте «layers:» хотя бы с одним слоем")
        case .shouldBeEntries(let key): ("\"\(key)\" should be a list of entries starting with \"- id: …\"",
                                         "в «\(key)» нужен список, где каждый пункт начинается с «- id: …»")
        case .idOneWord(let entry, let id): ("the \(entry.texts.en) id \"\(id)\" should be one word, like \"goal\"",
                                             "id \(entry.texts.ru.genitive) «\(id)» должен быть одним словом, например «goal»")
        case .titlePerLanguage: ("a title is text for each language, like { en: Goal, ru: Цель }",
                                 "в title пишут текст для каждого языка, например { en: Goal, ru: Цель }")
        case .needsID(let entry): ("a \(entry.texts.en) needs an \"id\"", "у \(entry.texts.ru.genitive) нет «id»")
        case .idTwice(let entry, let id): ("the \(entry.texts.en) id \"\(id)\" is declared twice",
                                           "id \(entry.texts.ru.genitive) «\(id)» встречается дважды")
        case .ownID(let entry): ("give each \(entry.texts.en) its own id", "дайте каждому \(entry.texts.ru.dative) свой id")
        case .idIsName(let entry, let id, let owner):
            ("the \(entry.texts.en) id \"\(id)\" is also a name of \(entry.texts.en) \"\(owner)\"",
             "id \(entry.texts.ru.genitive) «\(id)» уже служит названием \(entry.texts.ru.genitive) «\(owner)»")
        case .nameTwice(let entry, let name, let owner, let id):
            ("\"\(name)\" names both \(entry.texts.en) \"\(owner)\" and \"\(id)\"",
             "название «\(name)» относится сразу к \(entry.texts.ru.dative) «\(owner)» и «\(id)»")
        case .oneEntryPerName(let entry):
            ("a heading must lead to one \(entry.texts.en): keep the name on one of them",
             "заголовок должен вести к одному \(entry.texts.ru.dative): оставьте название только у одного")
        case .unknownKind(let text): ("unknown layer kind \"\(text)\"", "неизвестный вид слоя «\(text)»")
        case .kindsAre(let kinds): ("a kind is one of: \(kinds.joined(separator: ", "))",
                                    "вид слоя бывает такой: \(kinds.joined(separator: ", "))")
        case .listOnlyKey(let key, let kind): ("\"\(key)\" is for list layers, and this layer is of kind \(kind)",
                                               "«\(key)» бывает только у слоёв-списков, а этот слой вида \(kind)")
        case .removeOrMakeList(let key): ("remove \"\(key)\", or make the layer \"kind: list\"",
                                          "уберите «\(key)» или сделайте слой списком: «kind: list»")
        case .unknownUnit(let text): ("unknown metric unit \"\(text)\"", "неизвестная единица метрики «\(text)»")
        case .unitsAre: ("a unit is one of: percent, duration, plain", "единица бывает такая: percent, duration, plain")
        case .unknownRole(let text): ("unknown metric role \"\(text)\"", "неизвестная роль метрики «\(text)»")
        case .rolesAre(let roles): ("a role is one of: \(roles.joined(separator: ", "))",
                                    "роль бывает такая: \(roles.joined(separator: ", "))")
        case .roleTwice(let owner, let id, let role):
            ("the metrics \"\(owner)\" and \"\(id)\" both have the role \"\(role)\"",
             "у метрик «\(owner)» и «\(id)» одна и та же роль «\(role)»")
        case .oneMetricPerRole: ("the analysis reads one metric per role: keep the role on one of them",
                                 "анализ берёт по одной метрике на роль: оставьте роль только у одной")
        case .checked(let maps, let personas):
            ("checked \(Self.count(maps, "map")) and \(Self.count(personas, "persona"))",
             "проверено карт: \(maps), персон: \(personas)")
        case .checkedSite: ("checked", "проверка закончена")
        case .siteSettings: ("the site settings", "настройки сайта")
        case .theSchema: ("the schema", "схема")
        case .built(let maps, let files, let output):
            ("built \(Self.count(maps, "map")) (\(files) files) in \(output)",
             "собрано карт: \(maps) (файлов: \(files)) в \(output)")
        case .updated(let maps, let total, let written, let files, let output):
            ("updated \(maps) of \(Self.count(total, "map")) (\(written) of \(files) files written) in \(output)",
             "обновлено карт: \(maps) из \(total) (записано файлов: \(written) из \(files)) в \(output)")
        case .upToDate(let maps, let files, let output):
            ("up to date: \(Self.count(maps, "map")) (\(files) files) in \(output)",
             "всё уже собрано: карт \(maps) (файлов: \(files)) в \(output)")
        case .nothingWritten: ("nothing written", "ничего не записано")
        case .buildProgress(let maps, let total, let files, let seconds):
            ("building: \(maps) of \(total) maps, \(files) files written, \(seconds) s",
             "сборка: карт \(maps) из \(total), записано файлов: \(files), \(seconds) с")
        case .checkProgress(let maps, let total, let seconds):
            ("checking: \(maps) of \(total) maps, \(seconds) s", "проверка: карт \(maps) из \(total), \(seconds) с")
        case .noProblems(let checked): ("\(checked.texts.en): no problems found", "\(checked.texts.ru) — замечаний нет")
        case .problems(let checked, let errors, let warnings, let files):
            ("\(checked.texts.en): "
                + [errors > 0 ? Self.count(errors, "error") : nil, warnings > 0 ? Self.count(warnings, "warning") : nil]
                    .compactMap { $0 }.joined(separator: " and ")
                + " in \(files) \(files == 1 ? "file" : "files")",
             "\(checked.texts.ru) — "
                + [errors > 0 ? Self.russian(errors, "ошибка", "ошибки", "ошибок") : nil,
                   warnings > 0 ? Self.russian(warnings, "предупреждение", "предупреждения", "предупреждений") : nil]
                    .compactMap { $0 }.joined(separator: " и ")
                + " в \(Self.russian(files, "файле", "файлах", "файлах"))")
        case .warningsFailStrict: ("--strict takes warnings as errors", "с --strict предупреждения считаются ошибками")
        case .severity(.error): ("error", "ошибка")
        case .severity(.warning): ("warning", "предупреждение")
        case .errorLine(let message): (Message.severity(.error).texts.en + ": " + message.texts.en,
                                       Message.severity(.error).texts.ru + ": " + message.texts.ru)
        case .helpLabel: ("help", "подсказка")
        case .defaultSchemaHint: ("`tropa schema --default` prints the built-in schema",
                                  "встроенную схему показывает `tropa schema --default`")
        case .emptySchemaNote(let path):
            ("note: \(path) is empty, so this is the default schema (check and build stop at an empty \(path): fill it in or delete it)",
             "заметка: \(path) пустой, поэтому здесь схема по умолчанию (check и build на пустом \(path) остановятся: заполните его или удалите)")
        case .outputIsFolder(let path): ("\(path) is a folder; give --output a file name",
                                         "\(path) — это папка; укажите в --output имя файла")
        case .outputNotEmpty(let path):
            ("\(path) already exists and is not empty; tropa does not overwrite it (choose another file, or delete it first)",
             "\(path) уже есть и в нём что-то написано; tropa его не перезаписывает (выберите другой файл или сначала удалите этот)")
        case .wrote(let path): ("wrote \(path)", "записано в \(path)")
        case .folderNotEmpty(let path): ("\(path) is not empty; tropa init creates a site in an empty folder",
                                         "папка \(path) не пустая; tropa init создаёт сайт только в пустой папке")
        case .createdSite(let path):
            ("created a site in \(path): run `tropa build \(path)` and open \(path)/public/index.html",
             "сайт создан в \(path): запустите `tropa build \(path)` и откройте \(path)/public/index.html")
        case .unknownCommand(let name, let commands):
            ("Error: Unknown command '\(name)'. The commands are: \(commands.joined(separator: ", ")).",
             "ошибка: нет команды «\(name)». Команды: \(commands.joined(separator: ", ")).")
        case .mapExists(let path): ("\(path) already exists; choose another title",
                                    "\(path) уже есть; выберите другое название")
        case .importOutsideContent(let path, let content):
            ("--output \(path) is not a map: give a .md file in \(content)/, outside \(content)/personas/, or the build will not see it",
             "--output \(path) — не карта: укажите файл .md в папке \(content)/, но не в \(content)/personas/, иначе сборка его не увидит")
        case .notMapFolder(let folder):
            ("--folder \(folder) is no folder for maps: name one under content/, not personas/ nor a hidden one",
             "--folder \(folder) — не папка для карт: укажите папку внутри content/, но не personas/ и не скрытую")
        case .created(let path): ("created \(path)", "создана карта \(path)")
        case .themeFileUnknown(let name): ("the built-in theme has no file \"\(name)\"", "во встроенной теме нет файла «\(name)»")
        case .themeFilesAre(let names): ("its files: \(names.joined(separator: ", ")), or all",
                                         "её файлы: \(names.joined(separator: ", ")) или all — все")
        case .themeFileWritten(let path): ("wrote \(path)", "записан \(path)")
        case .themeFileKept(let path): ("\(path) is there already: left as it is", "\(path) уже есть: оставлен как был")
        case .siteFolderBeforeCopy(let folder): ("\(folder) is a folder: name the site before --copy (tropa theme \(folder) --copy …)",
                                                 "\(folder) — папка: папку сайта пишут до --copy (tropa theme \(folder) --copy …)")
        case .themeFileBuiltIn: ("built-in", "встроенный")
        case .themeFileSame: ("the site's copy, the built-in text", "копия сайта, текст встроенного")
        case .themeFileOwn: ("the site's own", "свой у сайта")
        case .themeCopiedNote:
            ("Change the copies there: a copy left as it is changes nothing. A page whose templates are changed is rendered by swift-mustache, slower on a site of thousands of maps (docs/format.md, The theme).",
             "Меняйте копии там: копия без изменений ничего не меняет. Страницу с изменёнными шаблонами печатает swift-mustache — на сайте из тысяч карт это медленнее (docs/format.md, раздел «The theme»).")
        case .stagesRange: ("--stages must be from 1 to 50", "в --stages укажите число от 1 до 50")
        case .noTropaServe(let path): ("tropa serve runs tropa-serve, which is not beside tropa: no \(path)",
                                       "tropa serve запускает tropa-serve, а рядом с tropa его нет: не найден \(path)")
        case .cannotStart(let path, let reason): ("cannot start \(path): \(reason)",
                                                  "не удаётся запустить \(path): \(reason)")
        case .previewBuilt(let maps, let rendered, let milliseconds, let rebuild):
            ("\(rebuild ? "rebuilt" : "built") \(Self.count(maps, "map"))"
                + (rendered.map { " (\($0) rendered again)" } ?? "") + " in \(milliseconds) ms",
             "\(rebuild ? "пересобрано" : "собрано") карт: \(maps)"
                + (rendered.map { " (заново отрисовано: \($0))" } ?? "") + " за \(milliseconds) мс")
        case .notBuilt: ("not built", "не собрано")
        case .serving(let url): ("serving \(url) (Ctrl-C to stop)", "сайт открыт на \(url) (остановить: Ctrl-C)")
        case .stopped: ("stopped", "остановлено")
        case .portInUse(let port, let host):
            ("port \(port) on \(host) is in use: stop the other server or pick a port with --port",
             "порт \(port) на \(host) занят: остановите другой сервер или выберите другой порт через --port")
        case .cannotListen(let host, let port, let reason): ("cannot listen on \(host):\(port): \(reason)",
                                                             "не удаётся открыть \(host):\(port): \(reason)")
        case .notAnAddress(let host): ("\(host) is not an IP address to listen on (try 127.0.0.1)",
                                       "\(host) — не IP-адрес, на котором можно открыть сайт (попробуйте 127.0.0.1)")
        case .schemaTitle: ("# Layer schema", "# Схема слоёв")
        case .schemaScale(let low, let high):
            ("Emotion scale: \(low) to \(high) (faces 😡 🙁 😐 🙂 😀 stand for -2 to 2).",
             "Шкала эмоций: от \(low) до \(high) (смайлики 😡 🙁 😐 🙂 😀 означают оценки от -2 до 2).")
        case .schemaLayers:
            ("Layers, in table order. A `###` heading matches a layer by its id, any title or any alias, "
                + "ignoring case and a trailing colon. In a list layer with tones, an item may start with `+` or `-`; "
                + "the items of a list layer with pains, and the negative items, are ranked as pain points.",
             "Слои в том порядке, в каком они идут в таблице. Заголовок `###` находит слой по id, любому названию "
                + "или синониму; регистр букв и двоеточие в конце не важны. В слое-списке с тоном пункт может "
                + "начинаться с `+` или `-`; пункты слоя-списка с болями и пункты с минусом попадают в рейтинг болей.")
        case .schemaLayerColumns: ("| id | title | kind | required | tones | pains | plan | aliases |",
                                   "| id | название | вид | обязательный | тон | боли | план | синонимы |")
        case .schemaMetrics:
            ("Metrics (items `NAME: VALUE` of a metrics layer; other names are custom metrics). "
                + "The analysis finds conversion, NPS, CSAT and duration by their role:",
             "Метрики (пункты `Название: значение` в слое метрик; метрики с другими названиями тоже можно писать, "
                + "это свои метрики). Конверсию, NPS, CSAT и длительность анализ находит по роли:")
        case .schemaMetricColumns: ("| id | title | unit | range | role | aliases |",
                                    "| id | название | единица | диапазон | роль | синонимы |")
        case .yes: ("yes", "да")
        case .no: ("no", "нет")
        case .buildTropaServe(let folder):
            ("build it from tropa's source with `swift build -c release --product tropa-serve`, then copy .build/release/tropa-serve to \(folder)/",
             "соберите его из исходников tropa командой `swift build -c release --product tropa-serve` и скопируйте .build/release/tropa-serve в \(folder)/")
        case .run(let command): ("run `\(command)`", "выполните `\(command)`")
        case .cannotBuildTitle: ("tropa: the site cannot be built", "tropa: сайт не собирается")
        case .cannotBuild: ("The site cannot be built", "Сайт не собирается")
        case .fixAndSave: ("Fix the files and save: this page reloads by itself.",
                           "Исправьте файлы и сохраните: страница обновится сама.")
        case .notFound: ("Not found", "Страница не найдена")
        case .noPageAt(let path): ("No page at \(path).", "По адресу \(path) страницы нет.")
        case .theCatalogue: ("The catalogue", "К списку карт")
        case .cannotRead(let path, let reason): ("cannot read \(path): \(reason.texts.en)",
                                                 "не удаётся прочитать \(path): \(reason.texts.ru)")
        case .cannotOpenFolder(let path): ("cannot open the folder \(path)", "не удаётся открыть папку \(path)")
        case .cannotReadFolder(let path, let reason): ("cannot read the folder \(path): \(reason.texts.en)",
                                                       "не удаётся прочитать папку \(path): \(reason.texts.ru)")
        case .linkNowhere(let path): ("the link \(path) leads nowhere (a broken link or a loop of links)",
                                      "ссылка \(path) никуда не ведёт (она битая или ссылки замкнулись в круг)")
        case .linkOutside(let path, let target): ("the link \(path) points outside the site, to \(target)",
                                                  "ссылка \(path) ведёт за пределы сайта, в \(target)")
        case .linkBack(let path, let target): ("the link \(path) leads back into a folder that holds it, \(target)",
                                               "ссылка \(path) ведёт обратно в папку, где сама лежит: \(target)")
        case .notFileOrFolder(let path): ("\(path) is neither a file nor a folder (a device, a socket or a pipe)",
                                          "\(path) — не файл и не папка (устройство, сокет или канал)")
        case .notSiteFolder(let path): ("\(path) is a file, not a site folder", "\(path) — это файл, а нужна папка сайта")
        case .noSuchFolder(let path): ("no such folder: \(path)", "нет такой папки: \(path)")
        case .notInGit(let path): ("\(path) is not inside a git repository", "\(path) не лежит в репозитории git")
        case .unknownRevision(let revision): ("git knows no revision \"\(revision)\"", "в git нет ревизии «\(revision)»")
        case .noMapAtRevision(let path, let revision): ("\(path) does not exist at \(revision)",
                                                       "в ревизии \(revision) нет файла \(path)")
        case .mapNotCommitted(let revision): ("the map is not in \(revision) yet: once it is committed, tropa diff shows what changes since",
                                              "карты ещё нет в \(revision): когда она будет в коммите, tropa diff покажет, что изменилось с тех пор")
        case .noMapInWorkingTree(let path): ("\(path) does not exist in the working tree", "в рабочей копии нет файла \(path)")
        case .measurementsOfNoMap(let path): ("no map names \(path) as its measurements: tropa diff compares a map",
                                              "\(path) не указан в поле measurements ни одной карты: tropa diff сравнивает карты")
        case .measurementsOfMaps(let path, let maps):
            ("\(path) is the measurements file of several maps: \(maps.joined(separator: ", ")); name one of them",
             "\(path) — файл замеров нескольких карт: \(maps.joined(separator: ", ")); укажите одну из них")
        case .gitUnavailable(let reason): ("cannot run git: \(reason)", "не удалось запустить git: \(reason)")
        case .gitStopped: ("git stopped answering while the maps' history was read; the output is left as it was: build again, or with --no-history",
                           "git перестал отвечать, пока читалась история карт; вывод оставлен как был: соберите ещё раз или с --no-history")
        case .shallowHistory: ("note: this is a shallow clone, so the maps have no history pages; history needs the full history (fetch-depth: 0)",
                               "примечание: это неполный клон, поэтому у карт нет страниц истории; истории нужна вся история репозитория (fetch-depth: 0)")
        case .draftsLeftOut(let count):
            // Said by `build` and `serve` alike: both take `--drafts`.
            ("note: \(Self.count(count, "draft")) left out (add --drafts to include drafts)",
             "примечание: \(Self.russian(count, "черновик не собран", "черновика не собраны", "черновиков не собрано")) (с --drafts войдут и черновики)")
        case .waitingForBuild(let output):
            ("note: another build is writing into \(output); waiting for it to end",
             "примечание: в \(output) пишет другая сборка; жду её конца")
        case .waitedForBuild(let output):
            ("note: another build was writing into \(output); this one waited for it to end",
             "примечание: в \(output) писала другая сборка; эта дождалась её конца")
        case .folderNotFile(let path): ("\(path) is a folder, not a file", "\(path) — это папка, а нужен файл")
        case .noSuchFile(let path): ("no such file: \(path)", "нет такого файла: \(path)")
        case .noContentFolder(let path): ("no content folder: \(path) (maps go in content/*.md)",
                                          "нет папки с картами: \(path) (карты лежат в content/*.md)")
        case .refuseOutput(let output, let refusal):
            ("refusing to write the site into \(output): " + refusal.texts.en,
             "tropa не станет записывать сайт в \(output): " + refusal.texts.ru)
        case .outputIsFile(let output): ("the output \(output) is a file, not a folder",
                                         "\(output) — это файл, а для сайта нужна папка")
        case .outputForeign(let output):
            ("the output folder \(output) holds files tropa did not write; choose another folder or empty it",
             "в папке \(output) лежат файлы, которые записала не tropa; выберите другую папку или очистите эту")
        case .outputReadOnly(let output, let folder, let update):
            ("cannot \(update ? "update" : "replace") the output \(output): the folder \(folder) is read-only",
             "не удаётся \(update ? "обновить" : "заменить") сайт в \(output): папка \(folder) только для чтения")
        case .cannotWrite(let path, let reason): ("cannot write \(path): \(reason.texts.en)",
                                                  "не удаётся записать \(path): \(reason.texts.ru)")
        case .cannotCreateFolder(let path, let reason): ("cannot create the folder \(path): \(reason.texts.en)",
                                                         "не удаётся создать папку \(path): \(reason.texts.ru)")
        case .cannotRemove(let path, let reason): ("cannot remove \(path): \(reason.texts.en)",
                                                   "не удаётся удалить \(path): \(reason.texts.ru)")
        case .cannotMove(let source, let destination, let reason):
            ("cannot move \(source)\(destination.map { " to \($0)" } ?? ""): \(reason.texts.en)",
             "не удаётся перенести \(source)\(destination.map { " в \($0)" } ?? ""): \(reason.texts.ru)")
        }
    }

    /// "1 map", "3 maps".
    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// libyaml's words for what it could not read, in Russian: the problem alone, without the context it was
    /// reading in (the position and the help say where and what to do). A problem not in the table stays as it is.
    static func yamlProblemInRussian(_ detail: String) -> String {
        let problems: [(String, String)] = [
            ("mapping values are not allowed", "двоеточие с пробелом внутри значения читается как новый ключ"),
            ("found a tab character that violates indentation", "табуляция в отступе: YAML допускает только пробелы"),
            ("found character that cannot start any token", "значение не может начинаться с этого знака"),
            ("could not find expected ':'", "после ключа нет двоеточия"),
            ("did not find expected key", "здесь ожидался новый ключ: лишний текст после кавычек или не тот отступ"),
            ("did not find expected '-' indicator", "здесь ожидался пункт списка «- …» на том же отступе, что и пункты выше"),
            ("did not find expected ',' or ']'", "список в [ ] не закрыт или пункты в нём не разделены запятыми"),
            ("did not find expected ',' or '}'", "запись в { } не закрыта или её части не разделены запятыми"),
            ("block sequence entries are not allowed", "пункт списка «- » не может стоять после ключа на той же строке"),
            ("found unknown escape character", "в двойных кавычках после «\\» стоит знак, которого YAML не знает"),
            ("did not find expected alphabetic or numeric character", "после «&» или «*» нужно имя"),
            ("found undefined tag handle", "неизвестный тег после «!»"),
        ]
        return problems.first { detail.contains($0.0) }?.1 ?? detail
    }

    /// "1 ошибка", "3 ошибки", "5 ошибок": the form a Russian number asks for.
    private static func russian(_ number: Int, _ one: String, _ few: String, _ many: String) -> String {
        let (lastDigit, lastTwo) = (number % 10, number % 100)
        let word = lastDigit == 1 && lastTwo != 11 ? one
            : (2...4).contains(lastDigit) && !(12...14).contains(lastTwo) ? few : many
        return "\(number) \(word)"
    }

    /// A metric's name with its scale as a note: `CSAT (из 5)`; in the note it has already, `CSAT (ноябрь, из 5)`.
    private static func scaled(_ name: String, _ scale: String) -> String {
        name.hasSuffix(")") && name.contains("(") ? name.dropLast() + ", " + scale + ")" : name + " (" + scale + ")"
    }

    /// A number as Russian text writes it, as the pages do: `-2.5` → `−2,5`.
    private static func russian(_ number: String) -> String {
        number.replacingOccurrences(of: "-", with: "−").replacingOccurrences(of: ".", with: ",")
    }

    /// "a", "a and b", "a, b and c".
    private static func list(_ items: [String], and: String) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " \(and) " + items.last!
    }
}

extension Message.Reason {
    var texts: (en: String, ru: String) {
        switch self {
        case .missing: ("no such file or folder", "такого файла или папки нет")
        case .denied: ("permission denied", "нет прав доступа")
        case .isFolder: ("it is a folder", "это папка")
        case .system(let words): (words, "система сообщает: \(words)")
        }
    }
}

extension Message.Refusal {
    var texts: (en: String, ru: String) {
        switch self {
        case .home: ("choose a folder of its own, such as public/", "выберите для него отдельную папку, например public/")
        case .siteFolder(let ancestor): ("it is \(ancestor ? "an ancestor of " : "")the site folder",
                                         ancestor ? "в этой папке лежит папка сайта" : "это папка самого сайта")
        case .contentFolder(let ancestor): ("it is \(ancestor ? "an ancestor of " : "")the content folder",
                                            ancestor ? "в этой папке лежит папка с картами" : "это папка с картами")
        case .insideContent: ("inside the content folder, each build would copy the last one",
                              "внутри папки с картами каждая сборка копировала бы предыдущую")
        case .insideTemplates: ("in the templates folder, the next build would publish it as the theme's files",
                                "в папке шаблонов следующая сборка опубликовала бы его как файлы темы")
        }
    }
}

extension Message.Block {
    var texts: (en: String, ru: String) {
        switch self {
        case .paragraph: ("a paragraph", "абзац")
        case .list: ("a list", "список")
        case .quote: ("a quote", "цитата")
        case .code: ("a code block", "блок кода")
        case .html: ("an HTML block", "блок HTML")
        case .heading: ("a heading", "заголовок")
        case .rule: ("a horizontal rule", "горизонтальная линия")
        case .other: ("a block", "непонятный блок")
        }
    }
}

extension Message.Owner {
    var texts: (en: String, ru: String) {
        switch self {
        case .map: ("this map", "эта карта")
        case .persona: ("this persona's page", "страница этой персоны")
        case .sitePages: ("the site's own pages (dashboard, plan, comparisons, tags, segments)",
                          "общих страниц сайта (сводки, плана, сравнений, тегов, сегментов)")
        case .file(let path): (path, path)
        }
    }
}

extension Message.Part {
    /// English: the part named alone ("the front-matter") and before "key"; Russian: where a key stands.
    var texts: (en: (the: String, adjective: String), ru: String) {
        switch self {
        case .frontMatter: (("the front-matter", "front-matter"), "во front-matter")
        case .persona: (("the front-matter", "persona"), "во front-matter персоны")
        case .config: (("tropa.yml", "tropa.yml"), "в tropa.yml")
        case .schema: (("the schema", "schema"), "в схеме")
        case .layer: (("a layer", "layer"), "в описании слоя")
        case .metric: (("a metric", "metric"), "в описании метрики")
        }
    }
}

extension Message.Entry {
    var texts: (en: String, ru: (genitive: String, dative: String)) {
        switch self {
        case .layer: ("layer", ("слоя", "слою"))
        case .metric: ("metric", ("метрики", "метрике"))
        }
    }
}

extension Message.Value {
    var texts: (en: String, ru: String) {
        switch self {
        case .text(let text): ("\"\(text)\"", "«\(text)»")
        case .list: ("a list", "список")
        case .mapping: ("a mapping", "набор ключей")
        }
    }
}

extension Message.Quoted {
    var texts: (en: String, ru: String) {
        switch self {
        case .persona(let id): ("the persona \(id)", "персона \(id)")
        case .tag(let tag): ("the tag \(tag)", "тег \(tag)")
        }
    }
}

/// Letters of one alphabet that look like letters of the other, which an author cannot tell apart on screen.
public enum LookalikeLetters {
    /// Latin to Cyrillic, lower case.
    public static let cyrillic: [Character: Character] = [
        "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "k": "к", "m": "м", "t": "т", "h": "н",
        "b": "в", "i": "і",
    ]

    /// `text` (lower case) with each Latin look-alike as its Cyrillic letter: `сsат` (Cyrillic С, А, Т) and `csat`
    /// both become `сsат`, however many letters were typed on the other keyboard.
    public static func folded(_ text: String) -> [Character] {
        text.map { cyrillic[$0] ?? $0 }
    }
}

extension Message {
    private static let lookalikes = LookalikeLetters.cyrillic

    /// "Did you mean `close`?" for `written`; when the two differ only in letters that look alike (`Цeль` with a
    /// Latin `e`), the help says which letters are of the other alphabet, since they cannot be seen.
    public static func closest(_ close: String, to written: String) -> Message {
        let a = Array(written), b = Array(close)
        guard a.count == b.count, written.lowercased() != close.lowercased() else { return .didYouMean(close) }
        // Compared without case, the letters named as written (`ЦEль` has a Latin "E").
        var latin: [Character] = [], cyrillic: [Character] = []
        for (letter, other) in zip(a, b) {
            guard let x = letter.lowercased().first, let y = other.lowercased().first, x != y else { continue }
            if lookalikes[x] == y { latin.append(letter) } else if lookalikes[y] == x { cyrillic.append(letter) } else { return .didYouMean(close) }
        }
        guard latin.isEmpty || cyrillic.isEmpty else { return .didYouMean(close) }
        return .lookalikeLetters(close, letters: (latin.isEmpty ? cyrillic : latin).map(String.init), latin: !latin.isEmpty)
    }
}
