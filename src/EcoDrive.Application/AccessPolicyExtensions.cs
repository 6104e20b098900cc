using EcoDrive.Core.Access;

namespace EcoDrive.Application;

/// <summary>Permission checks the application services share.</summary>
internal static class AccessPolicyExtensions
{
    /// <summary>Throws unless <paramref name="actor"/> holds <paramref name="either"/> or <paramref name="or"/>; the error names <paramref name="or"/>.</summary>
    public static void DemandAny(this IAccessPolicy policy, User actor, Permission either, Permission or)
    {
        if (!policy.IsGranted(actor, either))
        {
            policy.Demand(actor, or);
        }
    }
}
