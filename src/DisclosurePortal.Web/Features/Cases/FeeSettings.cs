using DisclosurePortal.Domain.Applications;

namespace DisclosurePortal.Web.Features.Cases;

/// <summary>The fee tiers (国办函〔2020〕109号) from the <c>Fees</c> configuration section; the State Council's by default.</summary>
public static class FeeSettings
{
    public static IServiceCollection AddProcessingFees(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Fees");
        var d = FeeTiers.StateCouncil2020;
        var tiers = new FeeTiers(
            section.GetValue("FreeItems", d.FreeItems),
            section.GetValue("FirstTierLastItem", d.FirstTierLastItem),
            section.GetValue("BaseYuan", d.BaseYuan),
            section.GetValue("StepItems", d.StepItems),
            section.GetValue("StepYuan", d.StepYuan));
        var problems = tiers.Problems();
        if (problems.Count > 0) throw new InvalidOperationException("Invalid fee settings: " + string.Join(" ", problems));
        return services.AddSingleton(tiers);
    }
}
