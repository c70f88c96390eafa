using MiniExcelLibs;
using Microsoft.Playwright;

namespace CivilAffairs.Tests.EndToEnd;

[Collection(PortalCollection.Name)]
public sealed class ImportFlowTests(PortalServer portal)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static byte[] FacilityFile(int totalBeds, int nursingBeds)
    {
        string[] headers = ["设施名称", "设施类型", "行政区划代码", "运营方式", "运营方", "总床位", "护理型床位", "在住人数", "医养结合", "投资（万元）", "投资年份", "开业日期", "状态", "民生实事年份"];
        object?[] row = ["托里镇导入测试养老院", "民办养老机构", "652722102", "民办", "测试公司", totalBeds, nursingBeds, 0, "否", 0, null, "2026-01-01", "运营中", null];
        var sheet = new[] { headers.Cast<object?>().ToArray(), row }.Select(r => r.Select((v, i) => (Key: $"c{i}", v)).ToDictionary(x => x.Key, x => x.v)).ToList();
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheet, printHeader: false);
        return stream.ToArray();
    }

    private static async Task UploadAsync(IPage page, string name, byte[] content)
    {
        await page.GotoAsync("/elderly/import?what=facilities");
        await page.Locator("#circuit-status[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.SetInputFilesAsync("input[type=file]", new FilePayload { Name = name, MimeType = Xlsx, Buffer = content });
    }

    [Fact]
    public async Task AFileWithABadRowIsShownWithItsErrorAndCannotBeImportedAndAGoodOneIs()
    {
        var clerk = await portal.SignInAsync("jinghe");

        await UploadAsync(clerk, "bad.xlsx", FacilityFile(totalBeds: 10, nursingBeds: 12));
        await Assertions.Expect(clerk.Locator("[data-testid=import-summary]")).ToContainTextAsync("1 行有错误");
        Assert.Contains("护理型床位", await clerk.Locator("[data-testid=import-preview]").InnerTextAsync());
        Assert.True(await clerk.Locator("[data-testid=import-commit]").IsDisabledAsync());

        await UploadAsync(clerk, "good.xlsx", FacilityFile(totalBeds: 30, nursingBeds: 20));
        await Assertions.Expect(clerk.Locator("[data-testid=import-summary]")).ToContainTextAsync("good.xlsx：共 1 行，其中 0 行有错误");
        await Assertions.Expect(clerk.Locator("[data-testid=import-commit]")).ToBeEnabledAsync();
        await clerk.ClickAsync("[data-testid=import-commit]");
        await clerk.WaitForURLAsync("**/elderly/facilities", new() { Timeout = 60_000 });

        await clerk.GotoAsync("/elderly/facilities?text=导入测试");
        await clerk.Locator(".mud-table-body tr").GetByText("托里镇导入测试养老院").WaitForAsync();
    }

    [Fact]
    public async Task AFileThatIsNotExcelGetsAClearMessage()
    {
        var clerk = await portal.SignInAsync("elderly");

        await UploadAsync(clerk, "notes.xlsx", "这不是 Excel 文件"u8.ToArray());

        var error = await clerk.Locator("[data-testid=import-file-error]").InnerTextAsync();
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Equal(0, await clerk.Locator("[data-testid=import-preview]").CountAsync());
    }
}
