using CivilAffairs.Core;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Security;
using CivilAffairs.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivilAffairs.Tests.Core.Security;

public sealed class PasswordRuleTests
{
    [Theory]
    [InlineData("Demo#2026")]   // all four classes
    [InlineData("abcdEFGH12")]  // upper, lower, digits
    [InlineData("abcd#$%&12")]  // lower, symbols, digits
    public void AcceptsEightCharactersFromThreeClasses(string password) =>
        Assert.Null(CharacterClassPasswordValidator.Validate(password));

    [Theory]
    [InlineData("Ab#1234", "至少需要 8 个字符")]
    [InlineData("abcdefgh12", "至少三类")]
    [InlineData("ABCDEFGH!!", "至少三类")]
    [InlineData("", "至少需要 8 个字符")]
    public void RejectsWeakPasswordsSayingWhy(string password, string reason) =>
        Assert.Contains(reason, CharacterClassPasswordValidator.Validate(password));
}

/// <summary>Identity as the portal configures it, on a real SQLite database.</summary>
public sealed class LockoutTests : IAsyncLifetime
{
    private TestDatabase _db = default!;
    private ServiceProvider _services = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHttpContextAccessor();
        services.AddAuthentication();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<CivilAffairsDbContext>(_ => _db.CreateDbContext(UserContext.System));
        services.AddCivilAffairsIdentity();
        _services = services.BuildServiceProvider();

        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>().CreateAsync(new IdentityRole(Roles.Leader));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = "leader", DisplayName = "局领导", DivisionCode = "652700" };
        Assert.True((await users.CreateAsync(user, "Demo#2026")).Succeeded);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task<SignInResult> SignInAsync(string password)
    {
        await using var scope = _services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var user = await signIn.UserManager.FindByNameAsync("leader");
        return await signIn.CheckPasswordSignInAsync(user!, password, lockoutOnFailure: true);
    }

    [Fact]
    public async Task FiveFailuresLockTheAccountAndTheSixthAttemptIsRefusedEvenWithTheRightPassword()
    {
        for (var i = 1; i <= 4; i++)
        {
            var failed = await SignInAsync("wrong-password");
            Assert.False(failed.Succeeded);
            Assert.False(failed.IsLockedOut);
        }

        Assert.True((await SignInAsync("wrong-password")).IsLockedOut);
        var sixth = await SignInAsync("Demo#2026");
        Assert.True(sixth.IsLockedOut);
        Assert.False(sixth.Succeeded);
    }

    [Fact]
    public async Task TheLockLastsFifteenMinutes()
    {
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync("wrong-password");
        }

        await using var ctx = _db.CreateDbContext(UserContext.System);
        var user = await ctx.Users.SingleAsync();
        Assert.InRange(user.LockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
    }

    [Fact]
    public async Task ADisabledUserCannotSignIn()
    {
        await using (var scope = _services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByNameAsync("leader");
            user!.IsDisabled = true;
            await users.UpdateAsync(user);
        }

        Assert.True((await SignInAsync("Demo#2026")).IsNotAllowed);
    }

    [Fact]
    public async Task UserChangesAreAuditedWithoutThePasswordHash()
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        var insert = await ctx.AuditEntries.SingleAsync(a => a.EntityType == nameof(AppUser) && a.Action == AuditAction.Insert);
        Assert.Contains(insert.Changes, c => c is { Field: "UserName", New: "leader" });
        Assert.Contains(insert.Changes, c => c is { Field: "PasswordHash", New: "***" });
    }
}
