import TropaModel
import TropaSource
import TropaAnalysis
import TropaBuild

/// The files of a new site for `tropa init`: config, a persona, an example map that uses every layer kind,
/// and a GitHub Actions workflow that checks, builds and publishes it.
public struct SiteScaffold: Sendable {
    public var language: Language

    public init(language: Language) { self.language = language }

    /// Paths relative to the new site folder, with their text.
    public var files: [(path: String, text: String)] {
        [
            (SiteConfig.fileName, config),
            ("content/personas/customer.md", persona),
            ("content/example.md", example),
            (".github/workflows/cjm.yml", workflow),
            // The output, and what a build keeps beside it: its record, and the folders and files of a build under way.
            (".gitignore", "public/\n.public.tropa-cache\n.public.tropa-facts\n.public.tropa-history\n.public.tropa-journal\n.public.tropa-lock\n.public.tropa-spool\n.public.tropa-staging/\n.public.tropa-previous/\n"),
        ]
    }

    private var ru: Bool { language == .ru }

    /// Its comment in the site's language, naming where the keys are told: the format's page in tropa's repository,
    /// which the new site does not hold.
    private var config: String {
        """
        # \(ru ? "Настройки сайта; все ключи необязательны. Какие бывают — в docs/format.md" : "Site settings; every key is optional. The keys are in docs/format.md")
        #   \(ru ? "в репозитории tropa" : "of tropa's repository"): \(Self.formatPage)
        title: \(ru ? "Карты пути клиента" : "Customer journey maps")
        language: \(language.rawValue)

        """
    }

    private var persona: String {
        ru ? """
        ---
        name: Покупатель, который сравнивает
        role: B2C, 25–40 лет, покупает онлайн
        ---
        Сравнивает цены и отзывы, прежде чем купить.

        ## Мотивы
        - Купить выгодно и без риска
        ## Сценарии
        - Когда вещь сломалась, хочу быстро найти замену
        ## Драйверы
        - Отзывы с фотографиями
        ## Барьеры
        - Недоверие к новым магазинам

        """ : """
        ---
        name: Careful comparer
        role: B2C, 25–40, shops online
        ---
        Compares prices and reviews before buying.

        ## Motives
        - Buy at a good price, without risk
        ## Scenarios
        - When something breaks, I want a replacement quickly
        ## Drivers
        - Reviews with photos
        ## Barriers
        - Distrust of unknown shops

        """
    }

    private var example: String {
        ru ? """
        ---
        title: Покупатель выбирает кофемашину
        persona: customer
        product: Магазин техники
        segment: B2C
        tags: [пример]
        updated: 2025-01-15
        ---

        Пример карты: этапы со всеми видами слоёв и развилка в конце — покупка на сайте {Онлайн} или в магазине
        {Офлайн}. Замените его своей картой.

        ## Поиск

        ### Цель
        Понять, какая кофемашина подойдёт для дома.

        ### Действия
        - Читает обзоры
        - Сравнивает модели на маркетплейсе

        ### Эмоции
        - 0 Интересно, но много вариантов
        - -1 Запутался в характеристиках

        ### Метрики
        - Конверсия: 40%
        - Длительность: 5 дней

        ## Покупка {Онлайн}

        ### Цель
        Купить выбранную модель с доставкой.

        ### Действия
        - Оформляет заказ

        ### Эмоции
        🙂 Заказ оформлен за минуту

        ### Опыт
        - + Удобная оплата частями
        - − Долго ждал подтверждения

        ### Метрики
        - Конверсия: 65%
        - NPS: 35

        ## Покупка {Офлайн}

        ### Цель
        Посмотреть кофемашину вживую и купить в магазине.

        ### Действия
        - Приходит в магазин у дома

        ### Эмоции
        😀 Продавец показал, как варить капучино

        ### Метрики
        - Конверсия: 80%
        - NPS: 50

        """ : """
        ---
        title: A customer chooses a coffee machine
        persona: customer
        product: Appliance store
        segment: B2C
        tags: [example]
        updated: 2025-01-15
        ---

        An example map: its stages use every kind of layer, and it ends in a fork — buying online {Online} or in a
        shop {In store}. Replace it with your own.

        ## Research

        ### Goal
        Find out which coffee machine suits a home kitchen.

        ### Actions
        - Reads reviews
        - Compares models on a marketplace

        ### Emotions
        - 0 Curious, but there are too many options
        - -1 Lost in the specifications

        ### Metrics
        - Conversion: 40%
        - Duration: 5 days

        ## Purchase {Online}

        ### Goal
        Buy the chosen model with delivery.

        ### Actions
        - Places the order

        ### Emotions
        🙂 Ordered in a minute

        ### Experience
        - + Easy payment in instalments
        - − Waited long for the confirmation

        ### Metrics
        - Conversion: 65%
        - NPS: 35

        ## Purchase {In store}

        ### Goal
        See the machine at work and buy it in a shop.

        ### Actions
        - Walks into the shop nearby

        ### Emotions
        😀 The seller showed how to make a cappuccino

        ### Metrics
        - Conversion: 80%
        - NPS: 50

        """
    }

    /// Where the workflow takes tropa's source from when the repository sets no `TROPA_SOURCE` variable.
    package static let defaultSource = "https://github.com/tropa-cjm/tropa.git"
    /// The format's page there.
    static let formatPage = defaultSource.dropLast(".git".count) + "/blob/main/docs/format.md"

    /// Checks on every push (annotations on the lines), puts the maps' evaluation on the run's summary, builds, and
    /// publishes `public/` to GitHub Pages. tropa is
    /// compiled once per revision of its source and then taken from the cache, so a push does not compile Swift.
    package var workflow: String {
        "name: " + (ru ? "Карты пути клиента" : "Journey maps") + "\n" + Self.workflowJobs
    }

    private static let workflowJobs = """
    on:
      push:
        branches: [main]
      pull_request:
    permissions:
      contents: read
    # Runs grouped by branch or pull request: a pull request's run never stops a deploy of main, a push to a pull
    # request stops its earlier run, and a run of main waits for the one before it.
    concurrency:
      group: pages-${{ github.ref }}
      cancel-in-progress: ${{ github.event_name == 'pull_request' }}
    jobs:
      build:
        runs-on: ubuntu-latest
        container: swift:6.1
        env:
          # tropa is built from its source: the git repository TROPA_SOURCE at the branch or tag TROPA_REF. The
          # defaults work as they are; a repository variable of the same name (Settings → Secrets and variables →
          # Actions → Variables) overrides either without editing this file.
          TROPA_SOURCE: ${{ vars.TROPA_SOURCE || '\(defaultSource)' }}
          TROPA_REF: ${{ vars.TROPA_REF || 'main' }}
        steps:
          # git first: without it, checkout downloads the files alone, and the maps get no history pages.
          - name: Install cmark, jemalloc and git
            run: apt-get update && apt-get install -y libcmark-dev libjemalloc-dev pkg-config git
          # The whole history, not the last commit: each map's history page is read from it.
          - uses: actions/checkout@v4
            with:
              fetch-depth: 0
          - name: Find tropa's revision
            id: tropa
            run: |
              revision=$(git ls-remote "$TROPA_SOURCE" "$TROPA_REF" | head -n 1 | cut -f 1)
              test -n "$revision" || { echo "::error::no $TROPA_REF in $TROPA_SOURCE"; exit 1; }
              echo "revision=$revision" >> "$GITHUB_OUTPUT"
          # The built tropa is kept between runs, keyed on that revision: it is compiled again only when it changes.
          - name: Restore tropa
            id: cache
            uses: actions/cache@v4
            with:
              path: /opt/tropa
              key: tropa-swift-6.1-${{ steps.tropa.outputs.revision }}
          - name: Build tropa
            if: steps.cache.outputs.cache-hit != 'true'
            run: |
              git clone "$TROPA_SOURCE" /tmp/tropa
              git -C /tmp/tropa checkout ${{ steps.tropa.outputs.revision }}
              swift build -c release --package-path /tmp/tropa --product tropa
              mkdir -p /opt/tropa && cp /tmp/tropa/.build/release/tropa /opt/tropa/tropa
          - name: Put tropa on the PATH
            run: echo /opt/tropa >> "$GITHUB_PATH"
          - name: Check the maps
            run: tropa check --format github
          # The evaluation of every map (weakest stage, funnel, NPS against conversion) on the run's summary page.
          - name: Evaluate the maps
            run: tropa report --format markdown >> "$GITHUB_STEP_SUMMARY"
          - name: Build the site
            run: tropa build
          - uses: actions/upload-pages-artifact@v3
            with:
              path: public
      deploy:
        if: github.ref == 'refs/heads/main' && github.event_name == 'push'
        needs: build
        runs-on: ubuntu-latest
        # Only the job that publishes may write to Pages.
        permissions:
          pages: write
          id-token: write
        environment:
          name: github-pages
          url: ${{ steps.deployment.outputs.page_url }}
        steps:
          - id: deployment
            uses: actions/deploy-pages@v4

    """
}
