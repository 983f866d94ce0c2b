<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("gfmisPasswordChangedBody", username, changedAt, ipAddress)}</p>
<p>${msg("gfmisNotYou")}</p>
</@layout.emailLayout>
