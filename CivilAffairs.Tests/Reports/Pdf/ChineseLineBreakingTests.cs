using CivilAffairs.Reports.Pdf;
using CivilAffairs.Reports.Pdf.Elements;
using PdfSharp.Drawing;
using static CivilAffairs.Tests.Reports.Pdf.PdfLayoutProbe;

namespace CivilAffairs.Tests.Reports.Pdf;

/// <summary>Given a paragraph and a box width, these are the lines.</summary>
public sealed class ChineseLineBreakingTests
{
    [Fact]
    public void BreaksBetweenAnyTwoChineseCharacters()
    {
        // Chinese glyphs are one em wide: ten characters of 10 pt fill a 100 pt box.
        var lines = Lines(new string('民', 25), Width("民民民民民民民民民民"));

        Assert.Equal([new string('民', 10), new string('民', 10), new string('民', 5)], lines);
    }

    [Fact]
    public void NeverSplitsALatinWord()
    {
        var lines = Lines("统计报表Administrator说明", Width("统计报表Administrator") - 0.5f);

        Assert.Equal(["统计报表", "Administrator说明"], lines);
    }

    [Fact]
    public void KeepsANumberWithSeparatorsWhole()
    {
        var lines = Lines("本期金额13,418.00元", Width("本期金额13,41"));

        Assert.Equal(["本期金额", "13,418.00元"], lines);
    }

    [Fact]
    public void NeverStartsALineWithClosingPunctuation()
    {
        // Ten characters fit; the eleventh is a comma, so "十" moves down with it.
        var lines = Lines("一二三四五六七八九十，一二", Width("一二三四五六七八九十"));

        Assert.Equal(["一二三四五六七八九", "十，一二"], lines);
    }

    [Theory]
    [InlineData("一二三四五六七八九十。")]
    [InlineData("一二三四五六七八九十、")]
    [InlineData("一二三四五六七八九十）")]
    [InlineData("一二三四五六七八九十》")]
    [InlineData("一二三四五六七八九十」")]
    [InlineData("一二三四五六七八九十；")]
    public void KeepsEveryClosingMarkOffTheStartOfALine(string text)
    {
        var lines = Lines(text, Width("一二三四五六七八九十"));

        Assert.Equal(2, lines.Count);
        Assert.Equal(text[^1], lines[1][^1]);
        Assert.Equal(2, lines[1].Length);
    }

    [Fact]
    public void KeepsOpeningPunctuationWithWhatFollows()
    {
        var lines = Lines("一二三四五六七八九《民政》", Width("一二三四五六七八九十"));

        Assert.Equal(["一二三四五六七八九", "《民政》"], lines);
    }

    [Fact]
    public void BreaksLatinTextAtSpacesAndDropsTheSpaceAtTheBreak()
    {
        var lines = Lines("Civil Affairs Bureau of Bortala", Width("Civil Affairs Bureau") - 0.5f);

        Assert.Equal(["Civil Affairs", "Bureau of Bortala"], lines);
    }

    [Fact]
    public void StartsANewLineAtEveryLineFeed()
    {
        var lines = Lines("第一行\n第二行\n\n第四行", 500);

        Assert.Equal(["第一行", "第二行", "", "第四行"], lines);
    }

    [Fact]
    public void SplitsAWordOnlyWhenItIsWiderThanTheWholeLine()
    {
        var lines = Lines("ABCDEFGHIJ", Width("ABCDE"));

        Assert.Equal(["ABCDE", "FGHIJ"], lines);
    }

    [Fact]
    public void MixedChineseAndNumbersBreakBetweenThem()
    {
        var lines = Lines("2026年10月民政统计", Width("2026年10月") - 0.5f);

        Assert.Equal(["2026年10", "月民政统计"], lines);
    }

    [Fact]
    public void ReportsTheWidthOfTheWidestLine()
    {
        var paragraph = Paragraph("民政局\n博尔塔拉蒙古自治州");

        var plan = paragraph.Measure(new Size(500, 500));

        Assert.True(plan.IsFull);
        Assert.Equal(Width("博尔塔拉蒙古自治州"), plan.Width, 0.01f);
        Assert.Equal(2 * LineHeight(), plan.Height, 0.01f);
    }

    [Fact]
    public void MeasuresStringsAsPdfSharpDoes()
    {
        const string Text = "民政统计月报 JZH01 表号：13,418.00（万元）Bortala";
        var fonts = Fonts;
        using var graphics = XGraphics.CreateMeasureContext(new XSize(500, 500), XGraphicsUnit.Point, XPageDirection.Downwards);
        var font = new XFont(fonts.ResolverName, 10, XFontStyleEx.Regular, PdfFonts.PdfOptions);

        var expected = graphics.MeasureString(Text, font).Width;

        Assert.Equal(expected, Width(Text), 0.01);
    }
}
