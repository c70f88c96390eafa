using CivilAffairs.Core.Common;
using CivilAffairs.Core.ElderlyCare.Import;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Core.SocialAssistance.Import;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CivilAffairs.Tests.Core.SocialAssistance;

/// <summary>Excel import of 救助家庭 (one row per member), on workbooks built in memory and a real SQLite database.</summary>
public sealed class HouseholdImportTests : IAsyncLifetime
{
    private static readonly string[] Headers = ["户编号", "姓名", "身份证号", "与户主关系", "月收入（元）", "城乡类别", "行政区划代码", "住址", "分类施保"];

    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private HouseholdImportService Service(UserContext user) => new(_db.ActAs(user), _db.Clock);

    private static string Id(int sequence, string region = "652722") => TestIds.For(region, new DateOnly(1970, 6, 15), sequence);

    /// <summary>A member row of a 精河镇 urban household; changes by column header.</summary>
    private static object?[] Member(string key, string name, string idNumber, string relation, params (string Column, object? Value)[] changes)
    {
        object?[] values = [key, name, idNumber, relation, 500, "城市", "652722100", "精河镇团结路 1 号", null];
        foreach (var (column, value) in changes)
        {
            values[Array.IndexOf(Headers, column)] = value;
        }

        return values;
    }

    private static MemoryStream Workbook(params object?[][] rows)
    {
        var sheet = new[] { Headers.Cast<object?>().ToArray() }.Concat(rows)
            .Select(r => Enumerable.Range(0, Headers.Length).ToDictionary(i => $"c{i}", i => i < r.Length ? r[i] : null))
            .ToList();
        var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheet, printHeader: false);
        stream.Position = 0;
        return stream;
    }

    private async Task<(int Households, int Members, int People)> CountsAsync()
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        return (await ctx.Households.CountAsync(), await ctx.HouseholdMembers.CountAsync(), await ctx.People.CountAsync());
    }

    private async Task AddHouseholdAsync(string headId, string division = "652722100")
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        var person = new Person(ResidentId.Parse(headId, TestIds.Today), "已有户主", division);
        var household = new Household { Head = person, DivisionCode = division };
        household.Members.Add(new HouseholdMember { Person = person, DivisionCode = division, Relation = HouseholdRelation.Head });
        ctx.Households.Add(household);
        await ctx.SaveChangesAsync();
    }

    private static void AssertError(ImportPreview<HouseholdImportRow> preview, int row, string column, string messageStart)
    {
        var errors = preview.Rows.Single(r => r.RowNumber == row).Errors;
        Assert.Contains(errors, e => e.Column == column && e.Message.StartsWith(messageStart, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AGoodFileCreatesHouseholdsMembersAndPersonsInOneGo()
    {
        await using (var ctx = _db.CreateDbContext(UserContext.System))
        {
            ctx.People.Add(new Person(ResidentId.Parse(Id(31), TestIds.Today), "马秀兰", "652722100"));
            await ctx.SaveChangesAsync();
        }

        var service = Service(TestUsers.Jinghe);
        using var file = Workbook(
            Member("1", "李建国", Id(11), "户主", ("月收入（元）", 800.5)),
            Member("1", "王芳", Id(12), "配偶", ("月收入（元）", null), ("住址", null)),
            Member("1", "李小明", Id(13), "子女", ("月收入（元）", "0"), ("分类施保", "是")),
            Member("2", "马秀兰", Id(31), "户主", ("城乡类别", "农村"), ("行政区划代码", "652722101"), ("住址", "八家户农场")));

        var preview = await service.PreviewAsync(file);
        Assert.False(preview.HasErrors, string.Join(" ", preview.Errors));
        Assert.NotNull(preview.Rows[3].Values.RegisteredPersonId);

        Assert.Equal(2, await service.ImportAsync(preview));

        await using var db = _db.CreateDbContext(UserContext.System);
        var households = await db.Households.Include(h => h.Head).Include(h => h.Members).ThenInclude(m => m.Person).OrderBy(h => h.DivisionCode).ToListAsync();
        Assert.Equal(["李建国", "马秀兰"], households.Select(h => h.Head!.Name));
        Assert.Equal(("652722100", UrbanRural.Urban, "精河镇团结路 1 号"), (households[0].DivisionCode, households[0].Area, households[0].Address));
        Assert.Equal(("652722101", UrbanRural.Rural), (households[1].DivisionCode, households[1].Area));
        Assert.Equal(["李建国", "王芳", "李小明"], households[0].Members.OrderBy(m => m.Id).Select(m => m.Person!.Name));
        Assert.Equal([800.50m, 0m, 0m], households[0].Members.OrderBy(m => m.Id).Select(m => m.MonthlyIncome));
        Assert.Equal([false, false, true], households[0].Members.OrderBy(m => m.Id).Select(m => m.ClassifiedTopUp));
        Assert.All(households.SelectMany(h => h.Members), m => Assert.Equal(households.Single(h => h.Id == m.HouseholdId).DivisionCode, m.DivisionCode));
        Assert.Equal((2, 4, 4), await CountsAsync());   // one person reused, three registered
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(Household) && a.UserName == "jinghe"));
    }

    [Fact]
    public async Task EachKindOfBadRowIsReportedAndNothingIsWritten()
    {
        await AddHouseholdAsync(Id(90));
        var service = Service(TestUsers.Jinghe);
        using var file = Workbook(
            Member("1", "甲", "652722197006150000", "户主"),                            // row 2: bad check character
            Member("2", "乙", Id(21), "户主", ("行政区划代码", "652799100")),            // row 3: unknown division
            Member("3", "丙", Id(22), "户主", ("行政区划代码", "652723100")),            // row 4: 温泉县, out of scope
            Member("4", "丁", Id(23), "户主", ("行政区划代码", "652722")),               // row 5: county, not township
            Member("5", "戊", Id(24), "户主", ("月收入（元）", -1)),                      // row 6: negative income
            Member("6", "己", Id(25), "户主", ("月收入（元）", "八百")),                   // row 7: not a number
            Member("7", "庚", Id(26), "配偶"),                                           // row 8: household without head
            Member("8", "辛", Id(27), "户主"),                                           // row 9: two heads
            Member("8", "壬", Id(28), "户主"),                                           // row 10
            Member("9", "癸", Id(29), "户主"),                                           // row 11
            Member("9", "子", Id(29), "子女"),                                           // row 12: duplicate ID in file
            Member("10", "丑", Id(90), "户主"),                                          // row 13: already in another household
            Member("11", "寅", Id(41), "户主"),                                          // row 14
            Member("11", "卯", Id(42), "配偶", ("行政区划代码", "652722101")),           // row 15: other division than the head
            Member("11", "辰", Id(43), "子女", ("城乡类别", "农村")),                    // row 16: other area than the head
            Member("12", "巳", Id(44), "户主"),                                          // row 17: good
            Member("13", "午", Id(45), "户主", ("分类施保", "可能")));                    // row 18: not 是/否

        var preview = await service.PreviewAsync(file);

        AssertError(preview, 2, "身份证号", "第 2 行：身份证号");
        AssertError(preview, 3, "行政区划代码", "第 3 行：行政区划代码“652799100”不存在。");
        AssertError(preview, 4, "行政区划代码", "第 4 行：行政区划代码 652723100");
        Assert.Contains("不在您的管辖范围", preview.Rows[2].Errors[0].Message, StringComparison.Ordinal);
        AssertError(preview, 5, "行政区划代码", "第 5 行：行政区划代码 652722（");
        Assert.Contains("不是乡镇（街道）", preview.Rows[3].Errors[0].Message, StringComparison.Ordinal);
        AssertError(preview, 6, "月收入（元）", "第 6 行：月收入（元）不能为负数");
        AssertError(preview, 7, "月收入（元）", "第 7 行：月收入（元）“八百”不是有效的数字。");
        AssertError(preview, 8, "与户主关系", "第 8 行：户编号“7”的家庭没有户主");
        AssertError(preview, 9, "与户主关系", "第 9 行：户编号“8”的家庭有 2 位户主");
        AssertError(preview, 10, "与户主关系", "第 10 行：户编号“8”的家庭有 2 位户主");
        AssertError(preview, 12, "身份证号", "第 12 行：身份证号与第 11 行重复。");
        AssertError(preview, 13, "身份证号", "第 13 行：身份证号对应的人员已是其他救助家庭的成员");
        AssertError(preview, 15, "行政区划代码", "第 15 行：行政区划代码 652722101 与同户第 14 行的 652722100 不一致");
        AssertError(preview, 16, "城乡类别", "第 16 行：城乡类别“农村”与同户第 14 行的“城市”不一致。");
        AssertError(preview, 18, "分类施保", "第 18 行：分类施保应填写“是”或“否”");
        Assert.Empty(preview.Rows.Single(r => r.RowNumber == 17).Errors);
        Assert.Empty(preview.Rows.Single(r => r.RowNumber == 11).Errors);
        Assert.Empty(preview.Rows.Single(r => r.RowNumber == 14).Errors);

        var ex = await Assert.ThrowsAsync<DomainException>(() => service.ImportAsync(preview));
        Assert.EndsWith(HouseholdImportService.NothingWritten, ex.Message, StringComparison.Ordinal);
        Assert.Equal((1, 1, 1), await CountsAsync());
    }

    [Fact]
    public async Task AJingheClerkCannotImportIntoWenquan()
    {
        using var file = Workbook(Member("1", "甲", Id(11, "652723"), "户主", ("行政区划代码", "652723100")));

        var preview = await Service(TestUsers.Jinghe).PreviewAsync(file);

        AssertError(preview, 2, "行政区划代码", "第 2 行：行政区划代码 652723100（");
        await Assert.ThrowsAsync<DomainException>(() => Service(TestUsers.Jinghe).ImportAsync(preview));
        var forged = new ImportPreview<HouseholdImportRow>([preview.Rows[0] with { Errors = [] }]);
        var ex = await Assert.ThrowsAsync<DomainException>(() => Service(TestUsers.Jinghe).ImportAsync(forged));
        Assert.Contains("不在您的管辖范围", ex.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await CountsAsync());

        using var again = Workbook(Member("1", "甲", Id(11, "652723"), "户主", ("行政区划代码", "652723100")));
        var wenquan = Service(TestUsers.Wenquan);
        Assert.Equal(1, await wenquan.ImportAsync(await wenquan.PreviewAsync(again)));
    }

    [Fact]
    public async Task AReadOnlyUserCannotImport()
    {
        using var file = Workbook(Member("1", "甲", Id(11), "户主"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service(TestUsers.Leader).PreviewAsync(file));
    }

    [Fact]
    public async Task EmptyMalformedAndOversizedFilesAreRefusedWithAClearMessage()
    {
        var service = Service(TestUsers.Jinghe);
        using var empty = new MemoryStream();
        using var headerOnly = Workbook();
        using var text = new MemoryStream("户编号,姓名\n1,甲\n"u8.ToArray());
        using var big = new MemoryStream(new byte[ImportLimits.MaxFileBytes + 1]);
        using var manyRows = Workbook(Enumerable.Range(1, ImportLimits.MaxDataRows + 1).Select(i => Member(i.ToString(), "甲", Id(11), "户主")).ToArray());

        Assert.Equal("上传的文件是空的。请在下载的模板中填好数据后再上传。", (await Assert.ThrowsAsync<DomainException>(() => service.PreviewAsync(empty))).Message);
        Assert.Equal("文件中没有数据行：请从表头下一行起填写数据。", (await Assert.ThrowsAsync<DomainException>(() => service.PreviewAsync(headerOnly))).Message);
        Assert.StartsWith("文件不是有效的 Excel 工作簿（.xlsx）", (await Assert.ThrowsAsync<DomainException>(() => service.PreviewAsync(text))).Message, StringComparison.Ordinal);
        Assert.Equal("文件过大：每个文件不能超过 5 MB。请删除多余内容或分批导入。", (await Assert.ThrowsAsync<DomainException>(() => service.PreviewAsync(big))).Message);
        Assert.Equal("数据行过多：每次最多导入 5000 行。请分批导入。", (await Assert.ThrowsAsync<DomainException>(() => service.PreviewAsync(manyRows))).Message);
        Assert.Equal((0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task TheTemplateReadsBackWithoutErrors()
    {
        using var template = new MemoryStream();
        var service = Service(TestUsers.Jinghe);
        await service.WriteTemplateAsync(template);
        template.Position = 0;

        var preview = await service.PreviewAsync(template);

        Assert.False(preview.HasErrors, string.Join(" ", preview.Errors));
        Assert.Equal(1, await service.ImportAsync(preview));
    }
}
