using CivilAffairs.Core.Security;
using MudBlazor;

namespace CivilAffairs.Portal.Components.Layout;

/// <summary>A link in the navigation drawer; <paramref name="Visible"/> mirrors the page's authorization.</summary>
public sealed record NavLinkItem(string TitleKey, string Href, string Icon, Func<UserContext, bool> Visible);

/// <summary>A drawer group (a service line, the dashboard, reports, administration).</summary>
public sealed record NavGroupItem(string TitleKey, string Icon, IReadOnlyList<NavLinkItem> Links);

/// <summary>
/// The drawer's content in one place. A group is shown only when it has a page the user may open,
/// so service lines whose pages are not built yet never appear as broken links.
/// </summary>
public static class NavCatalog
{
    public static IReadOnlyList<NavGroupItem> Groups { get; } =
    [
        new("Nav.Registers", Icons.Material.Filled.Badge,
        [
            new("Nav.People", "/people", Icons.Material.Filled.People, u => u.Role is not null),
        ]),
        Line(ServiceLine.ElderlyCare, Icons.Material.Filled.Elderly),
        Line(ServiceLine.SocialAssistance, Icons.Material.Filled.VolunteerActivism),
        Line(ServiceLine.SocialOrganizations, Icons.Material.Filled.Groups),
        Line(ServiceLine.Charity, Icons.Material.Filled.Favorite),
        Line(ServiceLine.SocialAffairs, Icons.Material.Filled.AccountBalance),
        Line(ServiceLine.ChildAndDisabilityWelfare, Icons.Material.Filled.ChildCare),
        new("Nav.Dashboard", Icons.Material.Filled.Dashboard,
        [
            new("Nav.Dashboard", "/dashboard", Icons.Material.Filled.Insights, u => u.Role is not null),
        ]),
        new("Nav.Reports", Icons.Material.Filled.Assessment,
        [
            new("Nav.MonthlyReport", "/reports", Icons.Material.Filled.Summarize, u => u.Role is Roles.Statistician or Roles.Leader or Roles.Administrator),
        ]),
        // 数据质量: every role; a staff member sees the checks of the lines granted, inside the division scope.
        new("Nav.QualityGroup", Icons.Material.Filled.FactCheck,
        [
            new("Nav.Quality", "/quality", Icons.Material.Filled.RuleFolder, u => u.Role is not null),
        ]),
        new("Nav.Admin", Icons.Material.Filled.AdminPanelSettings,
        [
            new("Nav.Users", "/admin/users", Icons.Material.Filled.ManageAccounts, u => u.IsInRole(Roles.Administrator)),
            new("Nav.Audit", "/admin/audit", Icons.Material.Filled.History, u => u.IsInRole(Roles.Administrator)),
            new("Nav.Calendar", "/admin/calendar", Icons.Material.Filled.EventAvailable, u => u.IsInRole(Roles.Administrator)),
        ]),
    ];

    public static IEnumerable<NavGroupItem> VisibleTo(UserContext user) =>
        Groups.Select(g => g with { Links = g.Links.Where(l => l.Visible(user)).ToList() }).Where(g => g.Links.Count > 0);

    // A service line's links are added here as its pages are built, visible when u.CanRead(line).
    private static NavGroupItem Line(ServiceLine line, string icon) => new("Line." + line, icon, LinksOf(line));

    private static List<NavLinkItem> LinksOf(ServiceLine line) => line switch
    {
        ServiceLine.ElderlyCare =>
        [
            new("Nav.Facilities", "/elderly/facilities", Icons.Material.Filled.HomeWork, u => u.CanRead(line)),
            new("Nav.Elderly", "/elderly/persons", Icons.Material.Filled.Elderly, u => u.CanRead(line)),
            new("Nav.Allowance", "/elderly/allowance", Icons.Material.Filled.Payments, u => u.CanRead(line)),
            new("Nav.Visits", "/elderly/visits", Icons.Material.Filled.VolunteerActivism, u => u.CanRead(line)),
            new("Nav.Adaptations", "/elderly/adaptations", Icons.Material.Filled.Accessible, u => u.CanRead(line)),
            new("Nav.Training", "/elderly/training", Icons.Material.Filled.School, u => u.CanRead(line)),
        ],
        ServiceLine.SocialAssistance =>
        [
            new("Nav.SaCases", "/assistance/cases", Icons.Material.Filled.FactCheck, u => u.CanRead(line)),
            new("Nav.SaHouseholds", "/assistance/households", Icons.Material.Filled.FamilyRestroom, u => u.CanRead(line)),
            new("Nav.SaPoverty", "/assistance/extreme-poverty", Icons.Material.Filled.Elderly, u => u.CanRead(line)),
            new("Nav.SaPayments", "/assistance/payments", Icons.Material.Filled.Payments, u => u.CanRead(line)),
            new("Nav.SaStandards", "/assistance/standards", Icons.Material.Filled.Rule, u => u.CanRead(line)),
            // Support programmes (临时救助, 安心助养, 主动发现, 近亲属备案); the 低保/特困 links are added beside them.
            new("Nav.Temporary", "/assistance/temporary", Icons.Material.Filled.VolunteerActivism, u => u.CanRead(line)),
            new("Nav.SubsidyFamilies", "/assistance/subsidy/families", Icons.Material.Filled.FamilyRestroom, u => u.CanRead(line)),
            new("Nav.SubsidyPayments", "/assistance/subsidy/payments", Icons.Material.Filled.Payments, u => u.CanRead(line)),
            new("Nav.Leads", "/assistance/leads", Icons.Material.Filled.TravelExplore, u => u.CanRead(line)),
            new("Nav.Workers", "/assistance/workers", Icons.Material.Filled.Badge, u => u.CanRead(line)),
            new("Nav.ZeroReports", "/assistance/zero-reports", Icons.Material.Filled.FactCheck, u => u.CanRead(line)),
            new("Nav.Relatives", "/assistance/relatives", Icons.Material.Filled.Diversity3, u => u.CanRead(line)),
            new("Nav.SupportReference", "/assistance/reference", Icons.Material.Filled.Tune, u => u.CanRead(line)),
        ],
        // 社会组织 and 慈善事业
        ServiceLine.SocialOrganizations =>
        [
            new("Nav.SoOrganizations", "/orgs", Icons.Material.Filled.Groups, u => u.CanRead(line)),
            new("Nav.SoApplications", "/orgs/applications", Icons.Material.Filled.AssignmentTurnedIn, u => u.CanRead(line)),
            new("Nav.SoIncubation", "/orgs/incubation", Icons.Material.Filled.Lightbulb, u => u.CanRead(line)),
            new("Nav.SoBases", "/orgs/bases", Icons.Material.Filled.Apartment, u => u.CanRead(line)),
        ],
        ServiceLine.Charity =>
        [
            new("Nav.ChDonations", "/charity/donations", Icons.Material.Filled.VolunteerActivism, u => u.CanRead(line)),
            new("Nav.ChGifts", "/charity/gifts", Icons.Material.Filled.CardGiftcard, u => u.CanRead(line)),
            new("Nav.ChClinics", "/charity/clinics", Icons.Material.Filled.MedicalServices, u => u.CanRead(line)),
            new("Nav.ChLottery", "/charity/lottery", Icons.Material.Filled.ConfirmationNumber, u => u.CanRead(line)),
        ],
        // 社会事务: 身后一件事, 婚姻登记, 殡葬, 地名.
        ServiceLine.SocialAffairs =>
        [
            new("Nav.AfAfterDeath", "/affairs/after-death", Icons.Material.Filled.AssignmentInd, u => u.CanRead(line)),
            new("Nav.AfRecovery", "/affairs/after-death/recovery", Icons.Material.Filled.AssignmentReturn, u => u.CanRead(line)),
            new("Nav.AfMarriage", "/affairs/marriage", Icons.Material.Filled.Favorite, u => u.CanRead(line)),
            new("Nav.AfWeddings", "/affairs/weddings", Icons.Material.Filled.Celebration, u => u.CanRead(line)),
            new("Nav.AfBurial", "/affairs/burial", Icons.Material.Filled.Park, u => u.CanRead(line)),
            new("Nav.AfPlaces", "/affairs/places", Icons.Material.Filled.Place, u => u.CanRead(line)),
        ],
        // 儿童福利与残疾人福利
        ServiceLine.ChildAndDisabilityWelfare =>
        [
            new("Nav.CdChildren", "/children/in-care", Icons.Material.Filled.ChildCare, u => u.CanRead(line)),
            new("Nav.CdChildPayments", "/children/payments", Icons.Material.Filled.Payments, u => u.CanRead(line)),
            new("Nav.CdEducationAid", "/children/education-aid", Icons.Material.Filled.School, u => u.CanRead(line)),
            new("Nav.CdFacilities", "/children/facilities", Icons.Material.Filled.HomeWork, u => u.CanRead(line)),
            new("Nav.CdRecipients", "/disability/recipients", Icons.Material.Filled.Accessible, u => u.CanRead(line)),
            new("Nav.CdDisabilityPayments", "/disability/payments", Icons.Material.Filled.Payments, u => u.CanRead(line)),
            new("Nav.CdEligible", "/disability/eligible", Icons.Material.Filled.Rule, u => u.CanRead(line)),
            new("Nav.CdRehab", "/disability/rehabilitation", Icons.Material.Filled.Psychology, u => u.CanRead(line)),
        ],
        _ => [],
    };
}
