<#import "template.ftl" as layout>
<@layout.emailLayout>
<#if kind == "Replaced">
<p>${msg("gfmisSoftTokenReplacedBody", username, deviceName, at, previousDevice)}</p>
<#elseif kind == "Revoked">
<p>${msg("gfmisSoftTokenRevokedBody", username, deviceName, at, msg("gfmisSoftTokenRevokedBy" + channel))}</p>
<#else>
<p>${msg("gfmisSoftTokenEnrolledBody", username, deviceName, at)}</p>
</#if>
<p>${msg("gfmisSoftTokenNotYou")}</p>
</@layout.emailLayout>
