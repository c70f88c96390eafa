using System.Runtime.CompilerServices;
using CivilAffairs.Core.Charity;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Security;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Tests.Core.Security;

/// <summary>
/// What the database keeps is what the server accepts: every text property with a maximum length
/// in the model refuses a longer value with a Chinese message before any SQL is sent (SQL Server's
/// nvarchar(n) would fail the save; SQLite would silently keep it).
/// </summary>
public sealed class TextLengthTests : IAsyncLifetime
{
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(TestClock.Create());

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task EveryBoundedTextInTheModelRefusesOneCharacterTooManyInChinese()
    {
        await using var model = _db.CreateDbContext(UserContext.System);
        var bounded = model.Model.GetEntityTypes()
            .Where(t => typeof(Entity).IsAssignableFrom(t.ClrType) && !t.IsOwned() && !t.ClrType.IsAbstract)
            .SelectMany(t => t.GetProperties().Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is not null && p.PropertyInfo is not null).Select(p => (Type: t.ClrType, Property: p)))
            .ToList();
        var accepted = new List<string>();
        foreach (var (type, property) in bounded)
        {
            await using var ctx = _db.CreateDbContext(UserContext.System);
            var record = RuntimeHelpers.GetUninitializedObject(type);
            var entry = ctx.Add(record);
            entry.Property(property.Name).CurrentValue = new string('字', property.GetMaxLength()!.Value + 1);
            try
            {
                await ctx.SaveChangesAsync();
                accepted.Add($"{type.Name}.{property.Name}");
            }
            catch (DomainException ex) when (ex.Message.Contains($"不能超过 {property.GetMaxLength():N0} 个字", StringComparison.Ordinal))
            {
            }
            catch (Exception ex)
            {
                accepted.Add($"{type.Name}.{property.Name} ({ex.GetType().Name}: {ex.Message})");
            }
        }

        Assert.True(bounded.Count > 100, $"only {bounded.Count} bounded texts found: the walk is broken");
        Assert.True(accepted.Count == 0, "Texts longer than their column not refused with the message: " + string.Join("; ", accepted));
    }

    [Fact]
    public async Task ADonationWithAFiveThousandCharacterDescriptionIsRefusedNamingTheFieldAndNothingIsSaved()
    {
        var service = new DonationService(_db.ActAs(TestUsers.Jinghe), _db.Clock);
        var form = new DonationRecordForm
        {
            DonorName = "精河县爱心企业", DonorKind = DonorKind.Enterprise, DonatedOn = TestClock.Today, Form = DonationForm.Goods,
            Value = 1000m, Description = new string('米', 5000), RecipientKind = RecipientKind.Group, RecipientGroup = RecipientGroup.ElderlyInDifficulty, DivisionCode = "652722",
        };

        var ex = await Assert.ThrowsAsync<DomainException>(() => service.SaveAsync(form));

        Assert.StartsWith("「物资说明」不能超过 200 个字（当前 5,000 个）", ex.Message);
        await using var ctx = _db.CreateDbContext(UserContext.System);
        Assert.Equal(0, await ctx.Donations.IgnoreQueryFilters().CountAsync());
    }
}
