using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace NewsroomCms.Web.Features.Shared;

/// <summary>
/// Finds a controller's views in its own feature folder: the controller in namespace
/// <c>NewsroomCms.Web.Features.Accounts</c> renders <c>/Features/Accounts/{view}.cshtml</c>,
/// then <c>/Features/Shared/{view}.cshtml</c>.
/// </summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string FeatureKey = "feature";
    private const string NamespacePrefix = "NewsroomCms.Web.Features.";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action
            && action.ControllerTypeInfo.Namespace is { } ns
            && ns.StartsWith(NamespacePrefix, StringComparison.Ordinal))
        {
            context.Values[FeatureKey] = ns[NamespacePrefix.Length..].Replace('.', '/');
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (context.Values.TryGetValue(FeatureKey, out var feature) && feature is not null)
        {
            yield return "/Features/" + feature + "/{0}.cshtml";
        }

        yield return "/Features/Shared/{0}.cshtml";
    }
}
