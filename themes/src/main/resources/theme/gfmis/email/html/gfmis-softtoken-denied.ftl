<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("gfmisSoftTokenDeniedBody", username, deniedAt, clientName, browser, ipAddress)}</p>
<p><strong>${msg("gfmisSoftTokenDeniedAdvice")}</strong></p>
<p>${msg("gfmisNotYou")}</p>
</@layout.emailLayout>
