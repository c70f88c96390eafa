using CivilAffairs.Core.ChildDisability;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CivilAffairs.Tests.EndToEnd;

/// <summary>A county clerk records a disability subsidy recipient, generates the month's batch through the UI and sees the amount.</summary>
[Collection(PortalCollection.Name)]
public sealed class DisabilityFlowTests(PortalServer portal)
{
    private static async Task GoAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.Locator("#circuit-status[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    [Fact]
    public async Task AClerkRecordsARecipientGeneratesTheBatchAndSeesTheAmount()
    {
        // A 精河县 resident with no subsidy yet, alive, an adult.
        var person = await portal.QueryAsync(db => db.People
            .Where(p => p.DivisionCode.StartsWith("652722") && p.DateOfDeath == null && p.BirthDate < new DateOnly(2000, 1, 1)
                && !db.DisabilitySubsidies.Any(s => s.PersonId == p.Id))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Name, p.IdNumber }).FirstAsync());

        var clerk = await portal.SignInAsync("jinghe");
        await GoAsync(clerk, "/disability/recipients/new");
        await clerk.Locator("input[data-testid=person], [data-testid=person] input").FillAsync(person.Name);
        await clerk.Locator(".mud-popover-open .mud-list-item").GetByText(person.Name).First.ClickAsync();
        await clerk.Locator("input[data-testid=certificate], [data-testid=certificate] input").FillAsync(person.IdNumber + "42");
        await clerk.Locator("input[data-testid=certificate], [data-testid=certificate] input").BlurAsync();
        await Expect(clerk.GetByTestId("certificate-parts")).ToHaveTextAsync("肢体残疾 · 二级");
        await clerk.GetByTestId("save").ClickAsync();
        await Expect(clerk).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/disability/recipients/\\d+$"), new() { Timeout = 30_000 });

        await GoAsync(clerk, "/disability/payments");
        await clerk.GetByTestId("preview").ClickAsync();
        await Expect(clerk.GetByTestId("preview-text")).ToContainTextAsync("将新生成");
        await clerk.GetByTestId("commit").ClickAsync();
        await clerk.GetByLabel("姓名、身份证号或证号").FillAsync(person.Name);

        var row = clerk.GetByTestId("payments").Locator("tbody tr").Filter(new() { HasText = person.Name });
        await Expect(row).ToContainTextAsync("120.00", new() { Timeout = 30_000 });
        await Expect(row).ToContainTextAsync("困难残疾人生活补贴");
        await Expect(row).ToContainTextAsync("待发放");
        var stored = await portal.QueryAsync(db => db.WelfarePayments.Where(p => p.PersonId == person.Id).Select(p => p.Amount).ToListAsync());
        Assert.Equal([120m], stored);
    }
    [Fact]
    public async Task EveryPageOfTheLineOpensWithItsDemoRowsAndExports()
    {
        var leader = await portal.SignInAsync("leader");
        (string Url, string Text)[] pages =
        [
            ("/children/in-care", "事实无人抚养儿童"), ("/children/facilities", "精河县儿童福利院"), ("/children/education-aid", TestClock.LastClosedMonth.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("/disability/recipients", "重度残疾人护理补贴"), ("/disability/rehabilitation", "康复"), ("/disability/eligible", "重度残疾人护理补贴"),
            ("/children/payments", "儿童基本生活费发放"), ("/disability/payments", "两项补贴发放"),
        ];
        foreach (var (url, text) in pages)
        {
            await GoAsync(leader, url);
            await Expect(leader.Locator(".mud-main-content")).ToContainTextAsync(text, new() { Timeout = 30_000 });
            await Expect(leader.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        }

        foreach (var export in new[] { "/export/disability/recipients.xlsx", "/export/children/in-care.xlsx", "/export/children/facilities.xlsx", $"/export/disability/payments.xlsx?period={TestClock.LastClosedMonth.Key}" })
        {
            var response = await leader.APIRequest.GetAsync(export);
            Assert.True(response.Ok, export);
            Assert.StartsWith("application/vnd.openxmlformats", response.Headers["content-type"]);
        }

        // Staff of another service line may not download the register.
        var other = await portal.SignInAsync("elderly");
        var refused = await other.APIRequest.GetAsync("/export/disability/recipients.xlsx", new() { MaxRedirects = 0 });
        Assert.True(refused.Status is 302 or 403, refused.Status.ToString());
    }
}
