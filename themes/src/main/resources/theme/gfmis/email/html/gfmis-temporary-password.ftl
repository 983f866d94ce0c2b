<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("gfmisTemporaryPasswordBody", username, reference)}</p>
<p>${msg("gfmisTemporaryPasswordLabel")} <code style="font-size:18px" id="gfmis-temporary-password">${temporaryPassword}</code></p>
<p>${msg("gfmisTemporaryPasswordRules", expiresAt, lifetimeMinutes?c)}</p>
<p>${msg("gfmisNotYou")}</p>
</@layout.emailLayout>
