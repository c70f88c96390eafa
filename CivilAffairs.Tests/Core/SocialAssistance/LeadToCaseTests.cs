using CivilAffairs.Core.Common;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Tests.Core.SocialAssistance;

/// <summary>A 低保 application received from an active-discovery lead converts and links the lead in the same save.</summary>
public sealed class LeadToCaseTests : SocialAssistanceTestBase
{
    private DiscoveryLeadService Leads(UserContext? user = null) => new(Db.ActAs(user ?? TestUsers.Jinghe), Clock);

    private Task<int> LeadAsync(string division, DateOnly foundOn) =>
        Leads().SaveAsync(new LeadForm { Subject = "独居老人，无固定收入", DivisionCode = division, FoundOn = foundOn, Source = LeadSource.GridWorker });

    [Fact]
    public async Task ApplyingFromALeadConvertsItAndLinksTheCase()
    {
        var lead = await LeadAsync(JingheTown, new DateOnly(2026, 10, 28));
        var household = await HouseholdAsync(JingheTown, UrbanRural.Rural, 100);

        var caseId = await Cases().ApplyAsync(household, ApplicationChannel.ActiveDiscovery, false, Clock.Today(), leadId: lead);

        var form = await Leads().GetAsync(lead);
        Assert.Equal((LeadOutcome.Converted, caseId, Clock.Today()), (form!.Outcome, form.DibaoCaseId!.Value, form.ConvertedOn!.Value));
        var row = (await Leads().ListAsync(new SupportFilter(), new PageRequest(0, 10))).Items.Single();
        Assert.Equal($"低保案件 {caseId}", row.CaseText);
        Assert.Empty(await Leads().PendingAsync(null));
    }

    [Fact]
    public async Task ALinkedLeadCannotBeSetBackToPending()
    {
        var lead = await LeadAsync(JingheTown, new DateOnly(2026, 10, 28));
        await Cases().ApplyAsync(await HouseholdAsync(JingheTown, UrbanRural.Rural, 100), ApplicationChannel.ActiveDiscovery, false, Clock.Today(), leadId: lead);
        var form = (await Leads().GetAsync(lead))!;
        form.Outcome = LeadOutcome.Pending;

        var error = await Assert.ThrowsAsync<DomainException>(() => Leads().SaveAsync(form));

        Assert.Contains("已转为低保申请", error.Message);
        Assert.Equal(LeadOutcome.Converted, (await Leads().GetAsync(lead))!.Outcome);
    }

    [Theory]
    [InlineData(ApplicationChannel.Window, "只有“主动发现”渠道")]
    [InlineData(ApplicationChannel.ActiveDiscovery, "不在同一县")]
    public async Task AWrongChannelOrAnotherCountysLeadIsRefusedAndNothingIsSaved(ApplicationChannel channel, string message)
    {
        // The 温泉县 lead is entered by a prefecture clerk; the 精河县 household's clerk may not link it either way.
        var lead = channel == ApplicationChannel.Window
            ? await LeadAsync(JingheTown, new DateOnly(2026, 10, 28))
            : await Leads(TestUsers.Admin).SaveAsync(new LeadForm { Subject = "外县线索", DivisionCode = WenquanTown, FoundOn = new DateOnly(2026, 10, 28) });
        var household = await HouseholdAsync(JingheTown, UrbanRural.Rural, 100);
        var user = channel == ApplicationChannel.Window ? TestUsers.Jinghe : TestUsers.Admin;

        var error = await Assert.ThrowsAsync<DomainException>(() => Cases(user).ApplyAsync(household, channel, false, Clock.Today(), leadId: lead));

        Assert.Contains(message, error.Message);
        await using var ctx = Db.CreateDbContext(UserContext.System);
        Assert.Empty(await ctx.DibaoCases.ToListAsync());
        Assert.Equal(LeadOutcome.Pending, (await ctx.DiscoveryLeads.SingleAsync()).Outcome);
    }

    [Fact]
    public async Task ALeadOutOfScopeOrAlreadyClosedCannotBeUsed()
    {
        var other = await Leads(TestUsers.Admin).SaveAsync(new LeadForm { Subject = "外县线索", DivisionCode = WenquanTown, FoundOn = new DateOnly(2026, 10, 28) });
        var closed = await Leads().SaveAsync(new LeadForm { Subject = "已核实", DivisionCode = JingheTown, FoundOn = new DateOnly(2026, 10, 28), Outcome = LeadOutcome.NotEligible, OutcomeReason = "收入高于标准" });
        var household = await HouseholdAsync(JingheTown, UrbanRural.Rural, 100);

        var outOfScope = await Assert.ThrowsAsync<DomainException>(() => Cases().ApplyAsync(household, ApplicationChannel.ActiveDiscovery, false, Clock.Today(), leadId: other));
        var done = await Assert.ThrowsAsync<DomainException>(() => Cases().ApplyAsync(household, ApplicationChannel.ActiveDiscovery, false, Clock.Today(), leadId: closed));
        var early = await LeadAsync(JingheTown, Clock.Today());
        var before = await Assert.ThrowsAsync<DomainException>(() => Cases().ApplyAsync(household, ApplicationChannel.ActiveDiscovery, false, Clock.Today().AddDays(-1), leadId: early));

        Assert.Contains("不在您的管辖范围内", outOfScope.Message);
        Assert.Contains("已核实办结", done.Message);
        Assert.Contains("不能早于线索发现日期", before.Message);
    }
}
