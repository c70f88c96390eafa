using System.IO.Compression;
using Microsoft.Playwright;

namespace CivilAffairs.Tests.EndToEnd;

[Collection(PortalCollection.Name)]
public sealed class ExportTests(PortalServer portal)
{
    private static async Task<string> SheetXmlAsync(IAPIResponse response)
    {
        using var zip = new ZipArchive(new MemoryStream(await response.BodyAsync()));
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task TheLeadersExportHasMaskedIdNumbersAndTheClerksOnlyTheirCounty()
    {
        var leader = await portal.SignInAsync("leader");
        var jinghe = await portal.SignInAsync("jinghe");

        var leaderSheet = await SheetXmlAsync(await leader.APIRequest.GetAsync("/export/people.xlsx"));
        var jingheSheet = await SheetXmlAsync(await jinghe.APIRequest.GetAsync("/export/people.xlsx"));

        Assert.Contains("***********", leaderSheet);
        Assert.Contains("塔秀乡", leaderSheet);     // the leader sees every county
        Assert.DoesNotContain("***********", jingheSheet);
        Assert.DoesNotContain("塔秀乡", jingheSheet);   // a 温泉县 township
        Assert.Contains("精河镇", jingheSheet);
    }

    [Fact]
    public async Task DownloadsRequireSignInAndTheRightRole()
    {
        var anonymous = await portal.NewPageAsync();
        var clerk = await portal.SignInAsync("jinghe");

        var noCookie = await anonymous.APIRequest.GetAsync("/export/people.xlsx", new() { MaxRedirects = 0 });
        var notAdmin = await clerk.APIRequest.GetAsync("/export/audit.xlsx", new() { MaxRedirects = 0 });

        Assert.Equal(302, noCookie.Status);
        Assert.Contains("/Account/Login", noCookie.Headers["location"]);
        Assert.Equal(302, notAdmin.Status);
        Assert.Contains("/Account/AccessDenied", notAdmin.Headers["location"]);
    }

    [Fact]
    public async Task EverythingButTheSignInPageAndItsAssetsNeedsASignedInUser()
    {
        var anonymous = await portal.NewPageAsync();

        var page = await anonymous.APIRequest.GetAsync("/admin/audit", new() { MaxRedirects = 0 });
        var login = await anonymous.APIRequest.GetAsync("/Account/Login");
        var css = await anonymous.APIRequest.GetAsync("/app.css");

        Assert.Equal(302, page.Status);
        Assert.Equal(200, login.Status);
        Assert.Equal(200, css.Status);
    }
}
