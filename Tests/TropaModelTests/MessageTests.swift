import Foundation
import Testing
@testable import TropaModel

/// Every message tropa can say, in both languages: neither empty, the Russian one in Russian and with «ёлочки».
@Suite struct MessageTests {
    /// One of each case, and each case of the values inside them; `everyCaseHasASample` keeps it whole.
    static let samples: [Message] = [
        .utf16, .saveAsUTF8, .nulByte, .saveAsUTF8Text, .notUTF8, .convertFromCP1251, .noFrontMatter(.map),
        .startWithFrontMatter(key: "x"), .frontMatterUnclosed, .closeFrontMatter, .emptyTitle, .writeTitle, .noTitle,
        .noName, .addKey("x"), .badDate("x"), .writeDate("x"), .noSuchDay(text: "x", year: 2025, month: 2, day: 30), .lastDayOfMonth("x"), .badAudience("x"), .writeAudience, .badEvidence("x"),
        .writeOneOf(["a", "b"]),
        .badReview("x"), .writeReview, .writeReviewAsOnePeriod("x", monthsAsDays: true), .writeReviewAsOnePeriod("x", monthsAsDays: false), .measurementsMissing("x"), .measurementsPath,
        .measurementsEmpty, .measurementColumns(["a", "b"]), .measurementHeader(","), .measurementHeader(";"),
        .measurementFieldCount(expected: 2, found: 3), .oneRowPerMeasurement(","), .oneRowPerMeasurement(";"), .measurementBadDate("x"),
        .measurementDateForm, .measurementValueForm, .unknownStage("x"), .stageInBranches("x"), .stagesOfMap(["a", "b"]), .reviewOverdue(last: "x", due: "x"),
        .measureAgain, .mapFileEmpty, .writeMapOrRemove, .measuredAfterToday(date: "2206-11-01", today: "2026-12-07"), .checkMeasurementDate,
        .badPriority("x"), .badRevenue("x"), .writeRevenue, .unknownMap("x"), .mapsAreNamed("x"), .noMapToCompare,
        .unknownActionKind(kind: "x", layer: "x"), .actionKindsAre(["a", "b"]), .unknownBaseSchema("x"),
        .afterWithoutExtends, .unknownAfter("x"), .layerIDsAre(["a", "b"]), .inheritedKind(id: "x", kind: "text"), .unreadableKind("x"), .kindsRule,
        .newLayerInstead, .requiredLayerEmpty(layer: "x", stage: "x"), .fillRequired,
        .layerEmpty(layer: "x", stage: "x"), .fillOrRemove, .deepLayerHeading(marks: "x", text: "x"), .shallowLayerHeading("x"), .deepStageHeading("x", stage: "x"), .write("x"),
        .acceptedLayers(["a", "b"]), .level1Heading("x"), .titleInFrontMatter, .personaNameInFrontMatter,
        .branchLabelEmpty(stage: "x"), .nameTheBranch(stage: "x"), .branchLabelWithoutName("x"), .nameBeforeLabel("x"),
        .branchLabelBrace("x"), .branchLabelUnclosed("x"), .closeLabel("x"), .labelsWithoutBraces, .branchSplit(label: "x", by: "y"), .keepBranchTogether("x"),
        .branchReused(label: "x", line: 5), .branchTypo(label: "x", like: "x"), .linkWithSpace("x"), .tableAsText, .tableAsList, .stageOfBranches(["x"]), .notMapFolder("x"), .mermaidNotJourney, .startWithJourney, .mermaidUnexpected("x"),
        .mermaidTaskForm, .mermaidNotScore("x"), .mermaidScoreClamped(score: "x", to: 5), .mermaidScoreRounded(score: "x", to: 1), .mermaidScores, .theDiagram, .labelsPerFork, .forkNeedsTwoBranches, .branchesLabelEmpty,
        .branchesLabelTwice, .branchesLabelBrace,
        .unnamedStage, .nameTheStage, .duplicateStage("x", firstLine: 1), .ownStageNames, .layerBeforeStage("x"), .addStageAbove,
        .unknownLayer(layer: "x", stage: "x"), .didYouMean("x"), .duplicateLayer(layer: "x", stage: "x", firstLine: 1), .mergeTwo,
        .noStages, .startStages, .emptyStage("x"), .addLayers(["a", "b"]), .missingLayer(stage: "x", layer: "x"),
        .addLayer("x"), .headingNoSpace(written: "x", marks: "x"), .underlinedStage(stage: "x", underline: "---"), .separatorOrStage("x"), .stageOrNoDashes("x"), .htmlOmitted("x"), .markdownOrUnsafeHTML, .importOutsideContent("x", content: "x"), .metricTwice("x", firstLine: 1), .oneEntryPerMetric, .ownerNotLast("x"), .moveOwnerToEnd("x"), .ownerInOneParagraph,
        .headingOddSpace(written: "x", marks: "x", codePoint: "x", noBreak: true), .manyLists(layer: "x", count: 2),
        .notAList(layer: "x", found: .paragraph), .writeListItems, .emotionBlock(.paragraph), .emotionNoScore("x"), .emotionSpacedMinus("x"),
        .emotionHelp, .scoreOutOfScale(score: "x", low: "x", high: "x"), .useScore(low: "x", high: "x"),
        .unknownMetric("x"), .emptyTag(key: "tags"), .nameOrRemoveTag, .metricNotInStage(metric: "x", stage: "y"), .addMetricToStage(metric: "x", stage: "y"), .metricNoColon("x"), .metricNoValue("x"), .metricNoNumber("x"), .metricSpacedSign("x"), .metricCurrencyFirst("x"), .negativeDuration("x"), .durationAtLeastZero, .currencyAfterNumber("x"),
        .metricNotOneNumber("x"), .metricCompoundDuration("x"), .measuredBeforeUpdated(last: "2024-03-01", updated: "2024-03-20"), .updatedNotAfter("2024-03-01"), .quoteOpenToLineEnd, .measurementNoField(en: "date", ru: "дата"), .metricsOfSchema(en: ["Conversion"], ru: ["Конверсия"]), .quoteWholeValue(key: "title", fixed: "a: b"), .templateNotUsed("x.mustache"), .metricReversedRange("x"), .metricUnreadableTarget("x"),
        .metricNotPercent(metric: "x", text: "x"), .metricNoTimeUnit(metric: "x", text: "x"), .metricNotTimeUnit(metric: "x", unit: "x"),
        .metricHasUnit(metric: "x", text: "x"), .metricForm, .smallerFirst, .targetForm, .writePercent, .addTimeUnit,
        .writeNumberAlone, .valueOutOfRange(metric: "x", value: "x", low: "x", high: "x"),
        .targetOutOfRange(metric: "x", target: "x", low: "x", high: "x"), .useValue(low: "x", high: "x"),
        .draftLenient(.fillRequired), .draftUnfilled(first: .mapFileEmpty, more: 2), .fillDraft, .unknownPersona("x"), .addPersona("x"), .personasOfSite(["a", "b"]),
        .unknownSection("x"), .personaSections, .duplicateSection("x", firstLine: 1),
        .folderTaken(what: .map, folder: "x", owner: .map), .renameOne, .renameOffSitePages("x"), .overwritesPage("x"), .renameOrMove,
        .templateInvalid("x"), .templateWrongClose(open: "x", line: 1), .templateUnclosed(open: "x", line: 1),
        .templateUnfinishedTag, .templateUnknown("x"), .templateIncludesItself("x", cycle: ["a", "x", "a"]), .includeInSection, .templateUnknownName("x"), .templateNamesAre, .templatesOfTheme(["a"]), .themeFileUnknown("x"), .themeFilesAre(["a", "b"]), .themeFileWritten("x"), .themeFileKept("x"), .themeFileBuiltIn, .themeFileSame, .themeFileOwn, .themeCopiedNote, .siteFolderBeforeCopy("x"), .unknownCommand("x", commands: ["y"]), .templateCloseNothing, .removeClose, .closeSection("x"), .lookalikeLetters("x", letters: ["e"], latin: true), .aliasInKey, .writeKeyOut, .yamlUnreadable("x"), .yamlSyntax("x"),
        .quoteUnclosed("x"), .closeQuote("x"), .keyTwice(["a", "b"]), .keepOne,
        .quotesInLine(marks: "x", key: "x", fixed: "x"), .quoteColonValue, .indentWithSpaces, .notMapping(.schema),
        .unknownKey(.schema, "x"), .knownKeys(["a", "b"]), .keyInEnglish("x"), .linkOmitted("x"), .linkToWebAddress, .percentAsShare("x", read: "0.3"), .metricDashForMinus("x"), .measurementsOutsideContent("x", content: "content"), .measurementsHidden("x"), .measurementsBackslash("x"), .renameVisible("x"), .measurementsBesideMap("x"), .csatAsScore("x", read: "4.5"), .scoreAsOwnMetric(name: "x", value: "4,5"), .scoreAsOwnMetric(name: "x", value: nil), .removeIndent("x"), .baseURLTail("x"), .shouldBeText("x"), .shouldBeBool("x", .list), .writeBool("x"),
        .shouldBeNumber("x", .list), .itemsShouldBeTexts("x"), .shouldBeList("x", .list),
        .tagsAsText(key: "x", tag: "x"), .listItemContinued(key: "x", line: "- b", item: "a - b"), .measurementTwice(metric: "x", stage: "x", date: "2024-03-01", line: 2, value: "1"), .oneRowPerDay, .metricInList(item: "x", layer: "y", metrics: "z"), .moveToLayer("x"), .alignDash("- b"), .writeList(key: "x", items: ["a", "b"]), .quotedValue(.tag("x"), pair: "x"),
        .writeWithoutQuotes("x"), .rangeOfTwo("x"), .rangeTooWide("x"),
        .rangeReversed(key: "x", low: "x", high: "x"), .languageNoTheme("x"), .useRuOrEn, .unknownOutput("x"), .outputsAre(["x"]), .badBaseURL("x"), .writeBaseURL,
        .brokenLink("x"), .brokenPersonaLink("x"), .linkToMapFile(nil), .linkToMapFile("x"), .noOtherMap, .brokenFileLink("x"), .linkToMeasurements("x"), .putFileAt("x"), .linkToHiddenFile("x", hidden: "y"), .unhide("x"), .publishMeasurements, .linkOutOfContent("x"), .linkByAddress, .unknownOwner(owner: "x", layer: "x"), .ownersAre(["x"]), .unreadableOwner("x"), .ownersRule, .brokenAnchor(anchor: "x", map: "x"), .stagesAre(["x"]), .linkToDraft("x"), .publishDraftOrUnlink, .shouldBePath("x"), .shouldBeCount("x"), .updated(maps: 1, of: 2, written: 3, files: 4, output: "x"),
        .schemaEmpty, .startFromDefault(output: "x"), .noLayers, .addLayersKey, .shouldBeEntries("x"),
        .idOneWord(.layer, "x"), .titlePerLanguage, .needsID(.layer), .idTwice(.layer, "x"), .ownID(.layer),
        .idIsName(.layer, id: "x", owner: "x"), .nameTwice(.layer, name: "x", owner: "x", id: "x"),
        .oneEntryPerName(.layer), .unknownKind("x"), .kindsAre(["a", "b"]), .listOnlyKey(key: "x", kind: "x"),
        .removeOrMakeList("x"), .unknownUnit("x"), .unitsAre, .unknownRole("x"), .rolesAre(["a", "b"]),
        .roleTwice("x", "x", role: "x"), .oneMetricPerRole, .checked(maps: 2, personas: 2), .checkedSite,
        .siteSettings, .theSchema, .built(maps: 2, files: 2, output: "x"), .upToDate(maps: 2, files: 2, output: "x"),
        .nothingWritten, .buildProgress(maps: 2, of: 3, files: 2, seconds: 2), .checkProgress(maps: 2, of: 3, seconds: 2),
        .noProblems(.checkedSite), .problems(.checkedSite, errors: 2, warnings: 2, files: 2), .warningsFailStrict,
        .severity(.error), .errorLine(.checkedSite), .helpLabel, .defaultSchemaHint, .emptySchemaNote("x"),
        .outputIsFolder("x"), .outputNotEmpty("x"), .wrote("x"), .folderNotEmpty("x"), .createdSite("x"),
        .mapExists("x"), .created("x"), .stagesRange, .noTropaServe("x"), .cannotStart(path: "x", reason: "x"),
        .buildTropaServe("x"), .run("x"), .previewBuilt(maps: 2, rendered: 2, milliseconds: 2, rebuild: true),
        .notBuilt, .serving("x"), .portInUse(port: 2, host: "x"), .cannotListen(host: "x", port: 2, reason: "x"),
        .notAnAddress("x"), .stopped, .schemaTitle, .schemaScale(low: "x", high: "x"), .schemaLayers,
        .schemaLayerColumns, .schemaMetrics, .schemaMetricColumns, .yes, .no, .cannotBuildTitle, .cannotBuild,
        .fixAndSave, .notFound, .noPageAt("x"), .theCatalogue, .cannotRead("x", .missing), .cannotOpenFolder("x"),
        .cannotReadFolder("x", .missing), .linkNowhere("x"), .linkOutside("x", target: "x"),
        .linkBack("x", target: "x"), .notFileOrFolder("x"), .notSiteFolder("x"), .noSuchFolder("x"), .notInGit("x"), .unknownRevision("x"),
        .noMapAtRevision(path: "x", revision: "x"), .mapNotCommitted(revision: "x"), .noMapInWorkingTree("x"), .measurementsOfNoMap("x"), .columnNotRead("x", read: ["a"]), .columnTwice("x"), .removeColumn, .keepNotesInMap, .lineWithoutColon("x"), .measurementsOfMaps("x", ["a", "b"]), .gitUnavailable("x"), .gitStopped, .shallowHistory, .draftsLeftOut(1), .draftsLeftOut(3), .waitingForBuild("x"), .waitedForBuild("x"),
        .folderNotFile("x"), .noSuchFile("x"), .noContentFolder("x"), .refuseOutput("x", .home), .outputIsFile("x"),
        .outputForeign("x"), .outputReadOnly("x", folder: "x", update: true), .cannotWrite("x", .missing),
        .cannotCreateFolder("x", .missing), .cannotRemove("x", .missing), .cannotMove("x", to: "x", .missing),
        .noFrontMatter(.persona), .draftLenient(nil), .severity(.warning), .notAList(layer: "x", found: .list),
        .emotionBlock(.quote), .emotionBlock(.code), .emotionBlock(.html), .emotionBlock(.heading),
        .emotionBlock(.rule), .emotionBlock(.other), .folderTaken(what: .persona, folder: "x", owner: .sitePages),
        .folderTaken(what: .map, folder: "x", owner: .file("x")), .notMapping(.frontMatter), .notMapping(.persona),
        .notMapping(.config), .notMapping(.layer), .notMapping(.metric), .needsID(.metric),
        .shouldBeBool("x", .text("x")), .shouldBeList("x", .mapping), .quotedValue(.persona("x"), pair: "« »"),
        .cannotRead("x", .denied), .cannotRead("x", .isFolder), .cannotRead("x", .system("x")),
        .refuseOutput("x", .siteFolder(ancestor: true)), .refuseOutput("x", .siteFolder(ancestor: false)),
        .refuseOutput("x", .contentFolder(ancestor: true)), .refuseOutput("x", .contentFolder(ancestor: false)),
        .refuseOutput("x", .insideContent), .refuseOutput("x", .insideTemplates), .quotesInLine(marks: "x", key: nil, fixed: nil),
        .startFromDefault(output: nil), .cannotMove("x", to: nil, .missing),
        .previewBuilt(maps: 2, rendered: nil, milliseconds: 2, rebuild: false),
    ]

    @Test(arguments: samples)
    func bothLanguagesSayIt(_ message: Message) {
        let (en, ru) = message.texts
        #expect(!en.isEmpty && !ru.isEmpty)
        #expect(ru.unicodeScalars.contains { (0x0410...0x044F).contains($0.value) }, "\(ru)")
        #expect(ru != en)
        // Names stand in «ёлочки»; straight double quotes belong to English only.
        #expect(!ru.contains("\""), "\(ru)")
        #expect(message.text(in: .en) == en && message.text(in: .ru) == ru)
    }

    /// The compiler keeps each case's two wordings together; this keeps the samples above in step with the cases.
    @Test func everyCaseHasASample() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/TropaModel/Message.swift")
        let source = try String(contentsOf: file, encoding: .utf8)
        let body = try #require(source.components(separatedBy: "public indirect enum Message").last?
            .components(separatedBy: "\n    public enum ").first)
        let declared = Set(body.components(separatedBy: "\n").compactMap { line -> String? in
            guard line.hasPrefix("    case ") else { return nil }
            return String(line.dropFirst(9).prefix { $0.isLetter || $0.isNumber })
        })
        let sampled = Set(Self.samples.map { String(String(describing: $0).prefix { $0 != "(" }) })
        #expect(declared.count > 100)
        #expect(declared == sampled, "without a sample: \(declared.subtracting(sampled).sorted())")
    }

    /// A name that differs from a known one only in letters of the other alphabet says which letters they are:
    /// the two look the same on screen.
    @Test func lookalikeLettersAreNamed() {
        #expect(Message.closest("Цель", to: "Цeль").text(in: .ru) == "может быть, «Цель»? Здесь латинская буква «e»")
        #expect(Message.closest("Покупка", to: "Пoкупкa").text(in: .en) == "did you mean \"Покупка\"? \"o\", \"a\" here are Latin")
        #expect(Message.closest("Price", to: "Priсe").text(in: .ru) == "может быть, «Price»? Здесь кириллическая буква «с»")
        #expect(Message.closest("Цель", to: "ЦEль").text(in: .ru) == "может быть, «Цель»? Здесь латинская буква «E»")
        #expect(Message.closest("Конверсия", to: "Kонверсия").text(in: .en) == "did you mean \"Конверсия\"? \"K\" here is Latin")
        #expect(Message.closest("Цель", to: "Цели") == .didYouMean("Цель"))
        #expect(Message.closest("Цель", to: "цель") == .didYouMean("Цель"))
    }

    @Test func russianNumbersTakeTheirForm() {
        #expect(Message.problems(.checkedSite, errors: 1, warnings: 0, files: 1).text(in: .ru)
            == "проверка закончена — 1 ошибка в 1 файле")
        #expect(Message.problems(.checkedSite, errors: 3, warnings: 0, files: 2).text(in: .ru)
            == "проверка закончена — 3 ошибки в 2 файлах")
        #expect(Message.problems(.checkedSite, errors: 11, warnings: 21, files: 5).text(in: .ru)
            == "проверка закончена — 11 ошибок и 21 предупреждение в 5 файлах")
        #expect(Message.problems(.checkedSite, errors: 0, warnings: 2, files: 1).text(in: .en)
            == "checked: 2 warnings in 1 file")
    }

    /// A value read as a percentage is written as each language's pages write a number.
    @Test func aShareReadAsAPercentageIsWrittenAsThePagesWriteIt() {
        let message = Message.percentAsShare("Конверсия: 0,18", read: "0.18")
        #expect(message.text(in: .ru) == "«Конверсия: 0,18» читается как 0,18\u{A0}%: если это доля единицы, запишите в процентах")
        #expect(message.text(in: .en) == "\"Конверсия: 0,18\" is read as 0.18%: a share of one is written as a percentage")
    }
}
