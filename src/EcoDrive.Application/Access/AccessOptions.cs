namespace EcoDrive.Application.Access;

/// <summary>Data-scope rules on top of permissions; every rule is off by default. Set with <c>services.Configure&lt;AccessOptions&gt;(…)</c>.</summary>
public sealed class AccessOptions
{
    /// <summary>
    /// When <see langword="true"/>, a salesperson reads and moves only their own leads and those nobody owns; other
    /// roles are not restricted. Refusals raise <see cref="EcoDrive.Core.Access.OutOfScopeException"/>.
    /// </summary>
    public bool SalespeopleSeeOnlyOwnAndUnassignedLeads { get; set; }
}
