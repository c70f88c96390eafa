using CivilAffairs.Core;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Security;
using CivilAffairs.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CivilAffairs.Tests.Core.Security;

/// <summary>The administrator's user list and its commands, through Identity on a real SQLite database.</summary>
public sealed class UserAdministrationTests : IAsyncLifetime
{
    private TestDatabase _db = default!;
    private ServiceProvider _services = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(TestClock.Create());
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHttpContextAccessor();
        services.AddAuthentication();
        services.AddSingleton<TimeProvider>(_db.Clock);
        services.TryAddScoped<IPrincipalSource, HttpContextPrincipalSource>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<CivilAffairsDbContext>(sp => _db.CreateDbContext(sp.GetRequiredService<CurrentUser>().Override ?? UserContext.System));
        services.AddCivilAffairsIdentity();
        _services = services.BuildServiceProvider();

        await using var scope = _services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        var admin = Administration();
        await admin.CreateAsync(new UserForm { UserName = "wang", DisplayName = "王科长", Role = Roles.Staff, DivisionCode = "652722", Lines = [ServiceLine.ElderlyCare], Password = "Demo#2026" });
        await admin.CreateAsync(new UserForm { UserName = "ali", DisplayName = "阿力木", Role = Roles.Leader, DivisionCode = "652700", Password = "Demo#2026" });
        await admin.CreateAsync(new UserForm { UserName = "zhao", DisplayName = "赵统计", Role = Roles.Statistician, DivisionCode = "652701", Password = "Demo#2026" });
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _db.DisposeAsync();
    }

    private UserAdministration Administration(UserContext? user = null) =>
        new(_services.GetRequiredService<IServiceScopeFactory>(), _db, new FixedCurrentUser(user ?? TestUsers.Admin));

    [Theory]
    [InlineData(null, false, "ali,wang,zhao")]
    [InlineData(nameof(UserRow.UserName), true, "zhao,wang,ali")]
    [InlineData(nameof(UserRow.DisplayName), false, "wang,zhao,ali")] // 王 < 赵 < 阿 in code-point order
    [InlineData(nameof(UserRow.Role), false, "ali,wang,zhao")]    // Leader < Staff < Statistician
    [InlineData(nameof(UserRow.DivisionCode), true, "wang,zhao,ali")]
    public async Task ListsUsersSortedByAnyColumnOnTheServer(string? sortBy, bool descending, string expected)
    {
        var page = await Administration().ListAsync(null, new PageRequest(0, 10, sortBy, descending));

        Assert.Equal(3, page.Total);
        Assert.Equal(expected, string.Join(",", page.Items.Select(u => u.UserName)));
    }

    [Fact]
    public async Task FiltersByNameOrDisplayNameAndPagesTheRest()
    {
        var admin = Administration();

        var byDisplayName = await admin.ListAsync("统计", new PageRequest(0, 10, null, false));
        var secondPage = await admin.ListAsync(null, new PageRequest(1, 2, nameof(UserRow.UserName), false));

        var zhao = Assert.Single(byDisplayName.Items);
        Assert.Equal(("zhao", Roles.Statistician, "博乐市"), (zhao.UserName, zhao.Role, zhao.DivisionName));
        Assert.Equal(3, secondPage.Total);
        Assert.Equal("zhao", Assert.Single(secondPage.Items).UserName);
    }

    [Fact]
    public async Task OnlyAnAdministratorMayListUsers() =>
        await Assert.ThrowsAnyAsync<DomainException>(() => Administration(TestUsers.Leader).ListAsync(null, new PageRequest(0, 10, null, false)));
}
