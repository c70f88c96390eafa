using CivilAffairs.Reports.Pdf;
using CivilAffairs.Reports.Pdf.Rendering;
using static CivilAffairs.Tests.Reports.Pdf.PdfLayoutProbe;

namespace CivilAffairs.Tests.Reports.Pdf;

/// <summary>Given a table and a page, these are the pages.</summary>
public sealed class TableLayoutTests
{
    private const float RowHeight = 20;

    /// <summary>A table of fixed-height rows: header "代码 指标", then rows "r01 名称01"….</summary>
    private static void FixedRowTable(IContainer container, int rows) => container.Table(t =>
    {
        t.ColumnsDefinition(c =>
        {
            c.ConstantColumn(60);
            c.RelativeColumn();
        });
        t.HeaderCellStyle(c => c.Height(RowHeight));
        t.CellStyle(c => c.Height(RowHeight));
        t.Header(h =>
        {
            h.Cell().Text("代码");
            h.Cell().Text("指标");
        });
        for (var i = 1; i <= rows; i++)
        {
            t.Cell().Text($"r{i:00}");
            t.Cell().Text($"名称{i:00}");
        }
    });

    [Fact]
    public void SixtyRowsOnPagesHoldingTwentyFiveGiveThreePagesWithTheHeaderOnEach()
    {
        // Room for the header and 25 rows, not 26.
        var page = new PdfPageSize(300, (26 * RowHeight) + 5);

        var pages = Pages(page, c => FixedRowTable(c, 60));

        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Equal("代码 指标", p.Lines()[0]));
        Assert.Equal([25, 25, 10], pages.Select(p => p.Lines().Count - 1));
        Assert.Equal("r01 名称01", pages[0].Lines()[1]);
        Assert.Equal("r25 名称25", pages[0].Lines()[^1]);
        Assert.Equal("r26 名称26", pages[1].Lines()[1]);
        Assert.Equal("r60 名称60", pages[2].Lines()[^1]);
    }

    [Fact]
    public void ARowThatDoesNotFitMovesToTheNextPageWhole()
    {
        var line = LineHeight();
        var pageHeight = (3 * line) + 8 + 2; // header and one single-line row with padding; a three-line row cannot follow
        var pages = Pages(new PdfPageSize(300, pageHeight * 2), c => c.Table(t =>
        {
            t.ColumnsDefinition(col =>
            {
                col.RelativeColumn();
                col.RelativeColumn();
            });
            t.Header(h =>
            {
                h.Cell().Text("名称");
                h.Cell().Text("说明");
            });
            t.Cell().Text("甲");
            t.Cell().Text("一行");
            t.Cell().Text("乙");
            t.Cell().Text("第一行\n第二行\n第三行\n第四行");
        }), p => p.Size(new PdfPageSize(300, pageHeight + (2 * line))));

        Assert.Equal(2, pages.Count);
        Assert.Equal(["名称 说明", "甲 一行"], pages[0].Lines());
        Assert.Equal(["名称 说明", "乙 第一行", "第二行", "第三行", "第四行"], pages[1].Lines());
    }

    [Fact]
    public void ARowTallerThanAWholePageIsSplitRatherThanLost()
    {
        var text = string.Join('\n', Enumerable.Range(1, 30).Select(i => $"第{i}行"));
        var pages = Pages(new PdfPageSize(300, 12 * LineHeight()), c => c.Table(t =>
        {
            t.ColumnsDefinition(col => col.RelativeColumn());
            t.Cell().Text(text);
        }));

        var lines = pages.SelectMany(p => p.Lines()).ToArray();
        Assert.True(pages.Count >= 3);
        Assert.Equal(Enumerable.Range(1, 30).Select(i => $"第{i}行"), lines);
    }

    [Fact]
    public void AHeaderCellCanSpanColumns()
    {
        var pages = Pages(new PdfPageSize(400, 300), c => c.Table(t =>
        {
            t.ColumnsDefinition(col =>
            {
                col.ConstantColumn(100);
                col.ConstantColumn(100);
                col.ConstantColumn(100);
            });
            t.Header(h =>
            {
                h.Cell().Text("地区");
                h.Cell().ColumnSpan(2).AlignCenter().Text("养老机构");
                h.Cell().Text("");
                h.Cell().Text("床位");
                h.Cell().Text("入住");
            });
            t.Cell().Text("博乐市");
            t.Cell().Text("1,200");
            t.Cell().Text("860");
        }));

        var spanned = pages[0].Commands.OfType<TextCommand>().Single(x => x.Text == "养老机构");
        Assert.Equal(100 + ((200 - Width("养老机构")) / 2), spanned.X, 0.5f);
        Assert.Equal(["地区 养老机构", "床位 入住", "博乐市 1,200 860"], pages[0].Lines());
    }

    [Fact]
    public void CellsGetADefaultBorderAndPadding()
    {
        var pages = Pages(new PdfPageSize(300, 200), c => c.Table(t =>
        {
            t.ColumnsDefinition(col => col.RelativeColumn());
            t.Cell().Text("甲");
        }));

        var border = pages[0].Commands.OfType<RectangleCommand>().Single();
        var text = pages[0].Commands.OfType<TextCommand>().Single();
        Assert.Equal(0.5f, border.LineWidth);
        Assert.Equal(300, border.Width, 0.01f);
        Assert.Equal(3, text.X, 0.01f);
    }
}
