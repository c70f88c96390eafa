using Microsoft.Extensions.DependencyInjection;

namespace CivilAffairs.Core.SocialAssistance;

/// <summary>Services of the social-assistance support programmes (临时救助, 安心助养, 主动发现, 近亲属备案).</summary>
public static class SupportServiceRegistration
{
    public static IServiceCollection AddSocialAssistanceSupport(this IServiceCollection services)
    {
        services.AddScoped<SupportReferenceService>();
        services.AddScoped<TemporaryAssistanceService>();
        services.AddScoped<CareSubsidyFamilyService>();
        services.AddScoped<CareSubsidyBatchService>();
        services.AddScoped<DiscoveryLeadService>();
        services.AddScoped<AssistanceWorkerService>();
        services.AddScoped<RelativeFilingService>();
        services.AddScoped<ZeroReportService>();
        services.AddScoped<Data.Seeding.SocialAssistanceSupportDemoData>();
        return services;
    }
}
