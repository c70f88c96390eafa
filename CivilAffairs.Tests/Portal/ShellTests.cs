using Bunit;
using CivilAffairs.Core.Security;
using CivilAffairs.Portal.Components.Layout;
using CivilAffairs.Portal.Components.Pages;
using CivilAffairs.Tests.Support;

namespace CivilAffairs.Tests.Portal;

public sealed class NavMenuTests : PortalTestContext
{
    [Fact]
    public void ALeaderSeesTheRegistersButNotAdministration()
    {
        var menu = Render<NavMenu>(p => p.Add(m => m.User, TestUsers.Leader));

        Assert.Contains("人员登记", menu.Markup);
        Assert.DoesNotContain("系统管理", menu.Markup);
        Assert.DoesNotContain("/admin/users", menu.Markup);
    }

    [Fact]
    public void AnAdministratorSeesUsersAndTheAuditLog()
    {
        var menu = Render<NavMenu>(p => p.Add(m => m.User, TestUsers.Admin));

        Assert.Contains("系统管理", menu.Markup);
        Assert.NotEmpty(menu.FindAll("a[href='/admin/users']"));
        Assert.NotEmpty(menu.FindAll("a[href='/admin/audit']"));
    }

    [Fact]
    public void GroupsWithoutPagesAreNotShownAsBrokenLinks()
    {
        var menu = Render<NavMenu>(p => p.Add(m => m.User, TestUsers.Admin));

        var linked = NavCatalog.Groups.Where(g => g.Links.Count > 0).Select(g => g.TitleKey).ToHashSet();
        foreach (var empty in NavCatalog.Groups.Where(g => !linked.Contains(g.TitleKey)))
        {
            Assert.DoesNotContain(empty.TitleKey, menu.Markup);
        }

        // Every rendered link points at a page of the portal.
        var routes = typeof(Home).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.RouteAttribute), false).Cast<Microsoft.AspNetCore.Components.RouteAttribute>())
            .Select(r => r.Template).ToHashSet();
        Assert.All(menu.FindAll("a[href]").Select(a => a.GetAttribute("href")!), href => Assert.Contains(href, routes));
    }
}

public sealed class HomePageTests : PortalTestContext
{
    [Fact]
    public void TellsTheUserWhoTheyAreTheirRoleAndScope()
    {
        SignInAs(TestUsers.Jinghe);

        var home = Render<Home>();

        Assert.Equal("业务人员", home.Find("[data-testid=home-role]").TextContent);
        Assert.Equal("精河县", home.Find("[data-testid=home-scope]").TextContent);
        Assert.Contains("养老服务", home.Markup);
        Assert.NotEmpty(home.FindAll("a[href='/people']"));
    }

    [Fact]
    public void ALeaderIsToldTheAccountIsReadOnly()
    {
        SignInAs(TestUsers.Leader);

        var home = Render<Home>();

        Assert.Equal("局领导", home.Find("[data-testid=home-role]").TextContent);
        Assert.Contains("不能修改数据", home.Markup);
        Assert.Empty(home.FindAll("a[href='/admin/users']"));
    }
}
