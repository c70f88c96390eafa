using CivilAffairs.Core.Common;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialOrganizations;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Tests.Core.SocialOrganizations;

/// <summary>The organisation register, registration applications (approve/refuse as state transitions) and ratings.</summary>
public sealed class SocialOrganizationTests : IAsyncLifetime
{
    private const string Jinghe = "652722";
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync() =>
        _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private SocialOrganizationService Organizations(UserContext? user = null) => new(_db.ActAs(user ?? TestUsers.Jinghe), _db.Clock);

    private RegistrationApplicationService Applications(UserContext? user = null) => new(_db.ActAs(user ?? TestUsers.Jinghe), _db.Clock);

    private static string Code(char type, int seq) => CreditCode.Compose('5', type, Jinghe, $"MJ{seq:0000000}");

    private static OrganizationForm Group(string? code = null) => new()
    {
        Name = "精河县书法家协会", CreditCode = code ?? Code('1', 1), Type = OrganizationType.SocialGroup, RegisteredOn = new DateOnly(2020, 5, 1),
        LegalRepresentative = "王建国", SupervisingUnit = "精河县文旅局", DivisionCode = Jinghe, HasPartyOrganization = true,
    };

    [Fact]
    public async Task ABadCreditCodeIsRefusedWithItsReasonAndNothingIsSaved()
    {
        var bad = Code('1', 1)[..17] + (Code('1', 1)[17] == '0' ? '1' : '0');

        var ex = await Assert.ThrowsAsync<DomainException>(() => Organizations().SaveAsync(Group(bad)));

        Assert.StartsWith("统一社会信用代码校验码错误：第 18 位应为", ex.Message);
        await using var db = _db.CreateDbContext(UserContext.System);
        Assert.Equal(0, await db.SocialOrganizations.CountAsync());
    }

    [Fact]
    public async Task ACodeOfAnotherTypeIsRefused()
    {
        var ex = await Assert.ThrowsAsync<DomainException>(() => Organizations().SaveAsync(Group(Code('3', 1))));

        Assert.Equal("统一社会信用代码第 2 位机构类别代码“3”（基金会）与所选类型“社会团体”不符，应为“1”。", ex.Message);
    }

    [Fact]
    public async Task ACodeRegisteredTwiceIsRefused()
    {
        await Organizations().SaveAsync(Group());

        var ex = await Assert.ThrowsAsync<DomainException>(() => Organizations().SaveAsync(Group()));

        Assert.Contains("已登记，不能重复录入", ex.Message);
    }

    [Fact]
    public async Task AFiledCommunityOrganisationNeedsNoCreditCodeButARegisteredOneDoes()
    {
        var form = Group();
        form.CreditCode = null;
        await Assert.ThrowsAsync<DomainException>(() => Organizations().SaveAsync(form));

        form.Type = OrganizationType.Community;
        form.DivisionCode = "652722100";
        var id = await Organizations().SaveAsync(form);

        Assert.Null((await Organizations().GetAsync(id))!.CreditCode);
    }

    [Fact]
    public async Task ApprovingAnEstablishmentCreatesTheOrganisationAndAuditsBoth()
    {
        var applications = Applications();
        var id = await applications.SaveAsync(new ApplicationForm
        {
            Kind = ApplicationKind.Establish, Channel = ApplicationChannel.Online, Visits = 0, SubmittedOn = new DateOnly(2026, 11, 2),
            Name = "精河县枸杞产业协会", CreditCode = Code('1', 7), OrganizationType = OrganizationType.SocialGroup, LegalRepresentative = "李秀兰",
            SupervisingUnit = "精河县农业农村局", HasPartyOrganization = true, DivisionCode = Jinghe,
        });
        var form = (await applications.GetAsync(id))!;

        var organizationId = await applications.ApproveAsync(id, form.Version, new DateOnly(2026, 11, 9));

        var organization = (await Organizations().GetAsync(organizationId!.Value))!;
        Assert.Equal(("精河县枸杞产业协会", Code('1', 7), OrganizationStatus.Normal, new DateOnly(2026, 11, 9), true, true),
            (organization.Name, organization.CreditCode, organization.Status, organization.RegisteredOn, organization.RegisteredOnline, organization.HasPartyOrganization));
        var decided = (await applications.GetAsync(id))!;
        Assert.Equal(ApplicationStatus.Approved, decided.Status);
        await using var db = _db.CreateDbContext(UserContext.System);
        Assert.Equal(7, (await db.RegistrationApplications.SingleAsync()).DaysToDecision);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(SocialOrganization) && a.UserName == "jinghe"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(RegistrationApplication) && a.Action == AuditAction.Update));

        var again = await Assert.ThrowsAsync<DomainException>(() => applications.ApproveAsync(id, decided.Version, new DateOnly(2026, 11, 10)));
        Assert.Equal("该申请已准予登记，不能再次审批。", again.Message);
    }

    [Fact]
    public async Task ApprovingAChangeUpdatesAndADeregistrationClosesTheOrganisation()
    {
        var orgId = await Organizations().SaveAsync(Group());
        var applications = Applications();
        var change = await applications.SaveAsync(new ApplicationForm
        {
            Kind = ApplicationKind.Change, SubmittedOn = new DateOnly(2026, 10, 1), OrganizationId = orgId, Name = "精河县书画家协会", LegalRepresentative = "张志强",
        });
        await applications.ApproveAsync(change, (await applications.GetAsync(change))!.Version, new DateOnly(2026, 10, 8));
        Assert.Equal(("精河县书画家协会", "张志强"), ((await Organizations().GetAsync(orgId))!.Name, (await Organizations().GetAsync(orgId))!.LegalRepresentative));

        var close = await applications.SaveAsync(new ApplicationForm { Kind = ApplicationKind.Deregister, SubmittedOn = new DateOnly(2026, 11, 1), OrganizationId = orgId, Visits = 1 });
        await applications.ApproveAsync(close, (await applications.GetAsync(close))!.Version, new DateOnly(2026, 11, 5));

        var closed = (await Organizations().GetAsync(orgId))!;
        Assert.Equal((OrganizationStatus.Deregistered, new DateOnly(2026, 11, 5)), (closed.Status, closed.StatusChangedOn));
    }

    [Fact]
    public async Task RefusingNeedsAReasonAndCreatesNothing()
    {
        var applications = Applications();
        var id = await applications.SaveAsync(new ApplicationForm
        {
            Kind = ApplicationKind.Establish, SubmittedOn = new DateOnly(2026, 11, 2), Name = "精河县收藏协会", CreditCode = Code('1', 9),
            OrganizationType = OrganizationType.SocialGroup, LegalRepresentative = "马军", DivisionCode = Jinghe,
        });
        var version = (await applications.GetAsync(id))!.Version;

        await Assert.ThrowsAsync<DomainException>(() => applications.RefuseAsync(id, version, new DateOnly(2026, 11, 3), " "));
        await applications.RefuseAsync(id, version, new DateOnly(2026, 11, 3), "业务范围重复");

        await using var db = _db.CreateDbContext(UserContext.System);
        Assert.Equal(0, await db.SocialOrganizations.CountAsync());
        Assert.Equal("业务范围重复", (await db.RegistrationApplications.SingleAsync()).RefusalReason);
    }

    [Fact]
    public async Task TheCurrentGradeIsTheLatestValidRatingAndHistoryIsKept()
    {
        var orgId = await Organizations().SaveAsync(Group());
        var service = Organizations();
        await service.AddRatingAsync(orgId, new RatingForm(2019, 2, new DateOnly(2019, 10, 1), new DateOnly(2024, 9, 30)));
        await service.AddRatingAsync(orgId, new RatingForm(2024, 4, new DateOnly(2024, 10, 1), new DateOnly(2029, 9, 30)));
        await service.AddRatingAsync(orgId, new RatingForm(2025, 3, new DateOnly(2025, 10, 1), new DateOnly(2026, 9, 30))); // expired by today

        var history = await service.RatingsAsync(orgId);
        var row = (await service.ListAsync(new LineFilter(), new PageRequest(0, 10))).Items.Single();

        Assert.Equal([2025, 2024, 2019], history.Select(r => r.Year));
        Assert.Equal(4, row.CurrentGrade);
        Assert.Equal("4A", row.GradeName);
        var duplicate = await Assert.ThrowsAsync<DomainException>(() => service.AddRatingAsync(orgId, new RatingForm(2024, 5, new DateOnly(2024, 11, 1), new DateOnly(2029, 9, 30))));
        Assert.Contains("已有 2024 年度的评估结果", duplicate.Message);
    }

    [Fact]
    public void CurrentGradeIgnoresExpiredAndFutureRatings()
    {
        var day = new DateOnly(2026, 11, 28);
        Assert.Null(CurrentGrade.On([(5, new DateOnly(2020, 1, 1), new DateOnly(2025, 1, 1)), (3, new DateOnly(2027, 1, 1), new DateOnly(2032, 1, 1))], day));
        Assert.Equal(2, CurrentGrade.On([(5, new DateOnly(2020, 1, 1), new DateOnly(2027, 1, 1)), (2, new DateOnly(2026, 1, 1), new DateOnly(2031, 1, 1))], day));
    }

    [Fact]
    public async Task AnotherCountysClerkNeitherSeesNorChangesTheOrganisation()
    {
        var orgId = await Organizations().SaveAsync(Group());

        Assert.Null(await Organizations(TestUsers.Wenquan).GetAsync(orgId));
        var form = Group();
        form.DivisionCode = Jinghe;
        await Assert.ThrowsAsync<AccessDeniedException>(() => Organizations(TestUsers.Wenquan).SaveAsync(form));
        Assert.Equal(0, (await Organizations(TestUsers.Wenquan).ListAsync(new LineFilter(), new PageRequest(0, 10))).Total);
    }
}
