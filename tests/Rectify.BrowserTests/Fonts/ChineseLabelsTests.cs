using System.Text.Json;

namespace Rectify.BrowserTests.Fonts;

/// <summary>
/// Swagger UI's Chinese labels need a CJK font on the machine; without one Chromium draws boxes (tofu), and the
/// screenshots a person looks at are unreadable. test.sh installs the font with Chromium.
/// </summary>
public sealed class ChineseLabelsTests : SwaggerUiTest
{
    [Test]
    public async Task StatisticsTag_InSwaggerUi_DrawsItsChineseWithRealGlyphs()
    {
        await OpenSwaggerUiAsync();
        var tag = Page.Locator("h3.opblock-tag[data-tag='Statistics 统计']");

        // Measured as drawn in the tag's own font, fallback included: a CJK glyph is about 1em wide, and differs from the
        // box drawn for a code point no font has (U+0378 is unassigned). With boxes, both are the same box.
        var widths = await tag.EvaluateAsync<JsonElement>("""
            el => {
                const chinese = [...el.textContent].filter(c => /\p{Script=Han}/u.test(c)).join('');
                const width = text => {
                    const span = document.createElement('span');
                    span.textContent = text;
                    span.style.cssText = 'position: absolute; white-space: nowrap; visibility: hidden';
                    el.appendChild(span);
                    const w = span.getBoundingClientRect().width / [...text].length;
                    span.remove();
                    return w;
                };
                return {
                    chinese,
                    em: parseFloat(getComputedStyle(el).fontSize),
                    ideograph: width(chinese),
                    missing: width('\u0378'.repeat(chinese.length)),
                };
            }
            """);
        var chinese = widths.GetProperty("chinese").GetString();
        var em = widths.GetProperty("em").GetDouble();
        var ideograph = widths.GetProperty("ideograph").GetDouble();
        var missing = widths.GetProperty("missing").GetDouble();

        Assert.That(chinese, Is.EqualTo("统计"));
        Assert.That(ideograph, Is.InRange(0.9 * em, 1.1 * em), $"an ideograph is about 1em ({em}px) wide: {widths}");
        Assert.That(Math.Abs(ideograph - missing), Is.GreaterThan(0.05 * em),
            $"the ideographs are drawn like a code point no font has, so as boxes: {widths}");
    }
}
