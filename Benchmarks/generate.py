#!/usr/bin/env python3
"""Generates a deterministic synthetic site of N maps in tropa's format (7 stages x 9 layers, about 7 KB each,
Russian and English text, lists, emotions, metrics, a few personas; two maps in a thousand measured, a Russian and
an English one, each with a CSV of rows and a review), and the same content as plain Markdown pages for Hugo.

usage: generate.py N OUT_DIR
  OUT_DIR/tropa  the tropa site (tropa.yml, content/)
  OUT_DIR/hugo   the Hugo site (hugo.toml, content/, a minimal layout)
"""
import pathlib
import random
import sys

STAGES_RU = ["Осознание потребности", "Формирование требований", "Поиск информации", "Выбор", "Покупка",
             "Обратная связь", "Лояльность"]
STAGES_EN = ["Awareness", "Requirements", "Research", "Choice", "Purchase", "Feedback", "Loyalty"]
WORDS_RU = ("клиент ищет решение сравнивает цены читает отзывы звонит менеджеру получает предложение "
            "оформляет заказ ждёт доставку оценивает сервис рекомендует друзьям возвращается снова").split()
WORDS_EN = ("customer looks for a solution compares prices reads reviews calls the manager gets an offer "
            "places the order waits for delivery rates the service recommends it to friends comes back").split()
PERSONAS = ["head-of-sales", "young-family", "student", "retiree", "freelancer"]


def sentence(rng, words, n):
    text = " ".join(rng.choice(words) for _ in range(n))
    return text[0].upper() + text[1:]


def journey(index, rng):
    russian = index % 4 != 3
    words = WORDS_RU if russian else WORDS_EN
    stages = STAGES_RU if russian else STAGES_EN
    titles = (["Цель", "Действия", "Вопросы", "Точки контакта", "Эмоции", "Опыт", "Барьеры", "Метрики",
               "Рекомендации"] if russian else
              ["Goal", "Actions", "Questions", "Touchpoints", "Emotions", "Experience", "Barriers", "Metrics",
               "Recommendations"])
    out = ["---",
           f"title: {'Карта' if russian else 'Map'} {index} — {sentence(rng, words, 4)}",
           f"persona: {PERSONAS[index % len(PERSONAS)]}",
           f"product: {'Продукт' if russian else 'Product'} {index % 12}",
           f"segment: {['B2B', 'B2C', 'SMB'][index % 3]}",
           f"tags: [bench, {'ru' if russian else 'en'}]",
           f"updated: 2025-{1 + index % 12:02d}-{1 + index % 28:02d}"]
    if measured(index):
        # A review period that leaves `tropa check` of the site without an overdue warning for years to come.
        out += [f"measurements: map-{index:06d}.csv", "review: 10 years"]
    out += ["---", "", sentence(rng, words, 20) + ".", ""]
    for stage in stages:
        out += [f"## {stage}", ""]
        out += [f"### {titles[0]}", sentence(rng, words, 6) + ".", ""]
        for title in (titles[1], titles[2], titles[3], titles[6], titles[8]):
            out += [f"### {title}"] + [f"- {sentence(rng, words, 3)}" for _ in range(2)] + [""]
        out += [f"### {titles[4]}"] + [f"- {rng.randint(-2, 2):+d} {sentence(rng, words, 2)}"
                                        for _ in range(rng.randint(1, 2))] + [""]
        out += [f"### {titles[5]}", f"- + {sentence(rng, words, 3)}", f"- − {sentence(rng, words, 3)}", ""]
        out += [f"### {titles[7]}",
                f"- {'Конверсия' if russian else 'Conversion'}: {rng.randint(5, 95)}%",
                f"- NPS: {rng.randint(-50, 80)}",
                f"- {'Длительность' if russian else 'Duration'}: {rng.randint(1, 9)} "
                f"{'дня' if russian else 'days'}", ""]
    return "\n".join(out)


def measured(index):
    return index % 1000 in (6, 7)


def measurements(index):
    """Two rounds of the first stage's conversion and NPS, after the map's `updated`."""
    russian = index % 4 != 3
    stage, conversion = (STAGES_RU[0], "Конверсия") if russian else (STAGES_EN[0], "Conversion")
    rows = ["date,stage,metric,value"]
    for step, date in enumerate(["2026-01-12", "2026-02-09"]):
        rows += [f"{date},{stage},{conversion},{30 + 5 * step}%", f"{date},{stage},NPS,{10 * step - 5}"]
    return "\n".join(rows) + "\n"


def persona(pid):
    return (f"---\nname: Persona {pid}\nrole: synthetic\n---\nA synthetic persona.\n\n"
            "## Мотивы\n- Быстро решить задачу\n## Барьеры\n- Нет времени\n")


def main():
    n, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
    rng = random.Random(42)
    site, hugo = out / "tropa", out / "hugo"
    (site / "content/personas").mkdir(parents=True, exist_ok=True)
    (hugo / "content/maps").mkdir(parents=True, exist_ok=True)
    (hugo / "layouts/_default").mkdir(parents=True, exist_ok=True)
    (site / "tropa.yml").write_text("title: Benchmark\nlanguage: ru\n", encoding="utf-8")
    (hugo / "hugo.toml").write_text('baseURL = "/"\ntitle = "Benchmark"\ndisableKinds = ["taxonomy", "term", '
                                    '"RSS", "sitemap"]\n', encoding="utf-8")
    (hugo / "layouts/_default/single.html").write_text(
        "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>\n")
    (hugo / "layouts/_default/list.html").write_text(
        "<!DOCTYPE html><html><body><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>"
        "</li>{{ end }}</ul></body></html>\n")
    (hugo / "layouts/index.html").write_text(
        "<!DOCTYPE html><html><body><ul>{{ range .Site.RegularPages }}<li><a href=\"{{ .RelPermalink }}\">"
        "{{ .Title }}</a></li>{{ end }}</ul></body></html>\n")
    for pid in PERSONAS:
        (site / f"content/personas/{pid}.md").write_text(persona(pid), encoding="utf-8")
    for index in range(n):
        text = journey(index, rng)
        folder = f"g{index // 500:03d}"
        (site / "content" / folder).mkdir(exist_ok=True)
        (site / f"content/{folder}/map-{index:06d}.md").write_text(text, encoding="utf-8")
        if measured(index):
            (site / f"content/{folder}/map-{index:06d}.csv").write_text(measurements(index), encoding="utf-8")
        front, body = text.split("\n---\n", 1)
        title = front.splitlines()[1].split(": ", 1)[1]
        (hugo / f"content/maps/map-{index:06d}.md").write_text(
            f"---\ntitle: \"{title}\"\n---\n{body}", encoding="utf-8")


if __name__ == "__main__":
    main()
