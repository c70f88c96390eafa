using CivilAffairs.Core.Common;
using CivilAffairs.Core.ElderlyCare.Import;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialOrganizations;
using CivilAffairs.Core.SocialOrganizations.Import;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CivilAffairs.Tests.Core.SocialOrganizations;

/// <summary>Excel import of organisations: row-level checks in Chinese, then all rows or none.</summary>
public sealed class OrganizationImportTests : IAsyncLifetime
{
    private static readonly string[] Headers = ["名称", "统一社会信用代码", "类型", "登记（备案）日期", "法定代表人", "业务主管单位", "行政区划代码", "建立党组织", "网上登记"];

    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private OrganizationImportService Service(UserContext? user = null) => new(_db.ActAs(user ?? TestUsers.Jinghe), _db.Clock);

    private static string Code(char type, int seq) => CreditCode.Compose('5', type, "652722", $"MJ{seq:0000000}");

    private static object?[] Row(string name, string? code, string type = "社会团体", object? date = null, string division = "652722") =>
        [name, code, type, date ?? "2024-05-01", "王建国", "精河县民政局", division, "是", "否"];

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

    private static void AssertError(ImportPreview<OrganizationImportRow> preview, int row, string column, string messageStart)
    {
        var errors = preview.Rows.Single(r => r.RowNumber == row).Errors;
        Assert.True(errors.Any(e => e.Column == column && e.Message.Contains(messageStart, StringComparison.Ordinal)),
            $"row {row}: " + string.Join(" | ", errors.Select(e => $"{e.Column}: {e.Message}")));
    }

    [Fact]
    public async Task EveryKindOfRowErrorIsNamedByRowAndColumnAndNothingIsWritten()
    {
        var wrongCheck = Code('1', 2)[..17] + (Code('1', 2)[17] == '0' ? '1' : '0');
        var preview = await Service().PreviewAsync(Workbook(
            Row("甲协会", Code('1', 1)),
            Row("乙协会", wrongCheck),
            Row("丙基金会", Code('1', 3), "基金会"),
            Row("丁协会", Code('1', 4), "协会"),
            Row("戊协会", Code('1', 5), date: "2027-01-01"),
            Row("己协会", Code('1', 1)),
            Row("庚协会", null),
            Row("辛协会", Code('1', 8), division: "652723")));

        Assert.Empty(preview.Rows.Single(r => r.RowNumber == 2).Errors);
        AssertError(preview, 3, "统一社会信用代码", "统一社会信用代码校验码错误：第 18 位应为");
        AssertError(preview, 4, "统一社会信用代码", "统一社会信用代码第 2 位机构类别代码“1”（社会团体）与所选类型“基金会”不符");
        AssertError(preview, 5, "类型", "类型");
        AssertError(preview, 6, "登记（备案）日期", "登记（备案）日期 2027-01-01 晚于今天");
        AssertError(preview, 7, "统一社会信用代码", $"统一社会信用代码 {Code('1', 1)} 与第 2 行重复");
        AssertError(preview, 8, "统一社会信用代码", "社会团体须填写统一社会信用代码");
        AssertError(preview, 9, "行政区划代码", "行政区划代码 652723（温泉县）不在您的管辖范围");

        var ex = await Assert.ThrowsAsync<DomainException>(() => Service().ImportAsync(preview));
        Assert.EndsWith(OrganizationImportService.NothingWritten, ex.Message);
        await using var ctx = _db.CreateDbContext(UserContext.System);
        Assert.Equal(0, await ctx.SocialOrganizations.CountAsync());
    }

    [Fact]
    public async Task AnErrorFreeFileIsWrittenInOneGo()
    {
        var preview = await Service().PreviewAsync(Workbook(
            Row("甲协会", Code('1', 1)),
            Row("精河镇第1社区志愿服务队", null, "社区社会组织", "2025-03-01", "652722100"),
            Row("精河县养老服务中心", Code('2', 2), "社会服务机构")));

        Assert.False(preview.HasErrors);
        Assert.Equal(3, await Service().ImportAsync(preview));
        await using var ctx = _db.CreateDbContext(UserContext.System);
        var saved = await ctx.SocialOrganizations.OrderBy(o => o.Id).Select(o => new { o.Type, o.CreditCode, o.HasPartyOrganization }).ToListAsync();
        Assert.Equal([OrganizationType.SocialGroup, OrganizationType.Community, OrganizationType.SocialServiceAgency], saved.Select(s => s.Type));
        Assert.True(saved.All(s => s.HasPartyOrganization));
        Assert.True(await ctx.AuditEntries.AnyAsync(a => a.EntityType == nameof(SocialOrganization) && a.UserName == "jinghe"));
    }

    [Fact]
    public async Task ACodeAlreadyInTheRegisterIsRefused()
    {
        var first = await Service().PreviewAsync(Workbook(Row("甲协会", Code('1', 1))));
        await Service().ImportAsync(first);

        var again = await Service().PreviewAsync(Workbook(Row("甲协会（重复）", Code('1', 1))));

        AssertError(again, 2, "统一社会信用代码", $"统一社会信用代码 {Code('1', 1)} 已登记");
    }

    [Fact]
    public async Task ALeaderMayNotImport() =>
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service(TestUsers.Leader).PreviewAsync(Workbook(Row("甲协会", Code('1', 1)))));
}
