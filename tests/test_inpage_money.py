"""A negative amount never breaks across lines after its minus sign ("−€17,300" on a phone, issue 16 item 7)."""

MEASURE = """(text) => {
  const box = document.createElement('p');
  box.style.cssText = 'width: 2.2em; font-size: 16px; word-break: normal; overflow-wrap: normal;';
  box.textContent = 'Net ' + text;
  document.body.appendChild(box);
  const range = document.createRange(), start = box.firstChild.data.indexOf('\\u2212');
  range.setStart(box.firstChild, start);
  range.setEnd(box.firstChild, start + text.indexOf('\\u20ac') + 1);
  const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
  box.remove();
  return tops.size;
}"""


def test_the_minus_stays_with_the_amount(page, exercise_site_url):
    page.goto(exercise_site_url + "roi.html")
    text = page.evaluate("() => window.LH.format.money(-17300, '\\u20ac')")
    assert text.startswith("\u2212") and text.endswith("17,300")
    assert page.evaluate(MEASURE, text) == 1  # the minus and the currency sign on one line
    assert page.evaluate(MEASURE, "\u2212\u20ac17,300") == 2  # without the joiner, the line breaks there
