<#import "template.ftl" as layout>
<@layout.emailLayout>
<#if decision == "Approved">
<p>${msg("gfmisRegistrationApprovedBody", username, at)}</p>
<#if holderChange!false>
<p>${msg("gfmisRegistrationApprovedSetPassword")}</p>
</#if>
<p>${msg("gfmisRegistrationApprovedNext", grantExpiresAt)}</p>
<#else>
<p>${msg("gfmisRegistrationRejectedBody", username, at)}</p>
<p>${msg("gfmisRegistrationRejectedReason")} ${reason}</p>
<p>${msg("gfmisRegistrationRejectedNext")}</p>
</#if>
<p>${msg("gfmisNotYou")}</p>
</@layout.emailLayout>
