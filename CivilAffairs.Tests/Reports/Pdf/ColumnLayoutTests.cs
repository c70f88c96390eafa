using CivilAffairs.Reports.Pdf;
using CivilAffairs.Reports.Pdf.Elements;
using CivilAffairs.Reports.Pdf.Rendering;
using static CivilAffairs.Tests.Reports.Pdf.PdfLayoutProbe;

namespace CivilAffairs.Tests.Reports.Pdf;

/// <summary>Given a column and a space, this is what fits and what continues.</summary>
public sealed class ColumnLayoutTests
{
    private static readonly float Line = LineHeight();

    private static ColumnElement Column(float spacing, params string[] items)
    {
        var column = new ColumnElement { Spacing = spacing };
        foreach (var text in items)
        {
            var item = new ContainerElement();
            item.Text(text);
            column.Items.Add(item);
        }

        column.Prepare(Context(), TextStyle.Default);
        return column;
    }

    [Fact]
    public void FitsWhenEveryItemFits()
    {
        var column = Column(4, "民政统计月报", "表号：JZH01");

        var plan = column.Measure(new Size(300, 500));

        Assert.Equal(SpacePlanKind.FullRender, plan.Kind);
        Assert.Equal((2 * Line) + 4, plan.Height, 0.01f);
    }

    [Fact]
    public void SecondItemThatDoesNotFitFitsPartlyAndTheRestContinuesOnTheNextPage()
    {
        var column = Column(4, "标题", "第1行\n第2行\n第3行\n第4行\n第5行\n第6行");
        var space = new Size(300, (5 * Line) + 4 + 1); // the title, the spacing and four lines

        var plan = column.Measure(space);
        var page1 = new Canvas();
        column.Draw(space, page1);
        var rest = column.Measure(new Size(300, 500));
        var page2 = new Canvas();
        column.Draw(new Size(300, 500), page2);

        Assert.Equal(SpacePlanKind.PartialRender, plan.Kind);
        Assert.Equal((5 * Line) + 4, plan.Height, 0.01f);
        Assert.Equal(["标题", "第1行", "第2行", "第3行", "第4行"], Texts(page1));
        Assert.Equal(SpacePlanKind.FullRender, rest.Kind);
        Assert.Equal(2 * Line, rest.Height, 0.01f);
        Assert.Equal(["第5行", "第6行"], Texts(page2));
    }

    [Fact]
    public void AnItemWithNoRoomForItsFirstLineWaitsForTheNextPage()
    {
        var column = Column(4, "标题", "正文");

        var plan = column.Measure(new Size(300, Line + 4 + (Line / 2)));

        Assert.Equal(SpacePlanKind.PartialRender, plan.Kind);
        Assert.Equal(Line, plan.Height, 0.01f);
    }

    [Fact]
    public void WrapsWhenNotEvenTheFirstItemFits()
    {
        var column = Column(4, "标题");

        Assert.Equal(SpacePlanKind.Wrap, column.Measure(new Size(300, Line / 2)).Kind);
    }

    [Fact]
    public void RowGivesRelativeItemsTheWidthConstantItemsLeave()
    {
        var pages = Pages(new PdfPageSize(300, 200), c => c.Row(r =>
        {
            r.ConstantItem(100).Text("表号：JZH01");
            r.RelativeItem().AlignRight().Text("2026年10月");
        }));

        var texts = pages[0].Commands.OfType<TextCommand>().ToArray();
        Assert.Equal(0, texts[0].X, 0.01f);
        Assert.Equal(300 - Width("2026年10月"), texts[1].X, 0.01f);
        Assert.Equal(texts[0].Y, texts[1].Y, 0.01f);
    }

    [Fact]
    public void PageBreakStartsANewPage()
    {
        var pages = Pages(PdfPageSize.A5, c => c.Column(col =>
        {
            col.Item().Text("第一部分");
            col.Item().PageBreak();
            col.Item().Text("第二部分");
        }));

        Assert.Equal(2, pages.Count);
        Assert.Equal(["第一部分"], pages[0].Lines());
        Assert.Equal(["第二部分"], pages[1].Lines());
    }

    private static string[] Texts(Canvas canvas) => [.. canvas.Commands.OfType<TextCommand>().Select(t => t.Text)];
}
