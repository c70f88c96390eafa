using CivilAffairs.Core.People;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CivilAffairs.Core.SocialAffairs;

/// <summary>Services of the 社会事务 line (婚姻登记, 殡葬, 身后一件事, 地名) and its payments-after-death sources.</summary>
public static class SocialAffairsRegistration
{
    public static IServiceCollection AddSocialAffairs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SocialAffairsOptions>(configuration.GetSection(SocialAffairsOptions.SectionName));
        services.AddScoped<AfterDeathService>();
        services.AddScoped<MarriageOfficeService>();
        services.AddScoped<MarriageFigureService>();
        services.AddScoped<CollectiveWeddingService>();
        services.AddScoped<BurialFacilityService>();
        services.AddScoped<PlaceNameService>();
        services.AddScoped<PlaceNameExpertService>();
        services.AddScoped<IPaymentsAfterDeathSource, HighAgeAllowanceAfterDeathSource>();
        services.AddScoped<IPaymentsAfterDeathSource, AssistanceAfterDeathSource>();
        services.AddScoped<Data.Seeding.SocialAffairsDemoData>();
        return services;
    }
}
