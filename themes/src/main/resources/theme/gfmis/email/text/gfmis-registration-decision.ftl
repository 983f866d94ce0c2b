<#ftl output_format="plainText">
<#if decision == "Approved">
${msg("gfmisRegistrationApprovedBody", username, at)}
<#if holderChange!false>

${msg("gfmisRegistrationApprovedSetPassword")}
</#if>

${msg("gfmisRegistrationApprovedNext", grantExpiresAt)}
<#else>
${msg("gfmisRegistrationRejectedBody", username, at)}

${msg("gfmisRegistrationRejectedReason")} ${reason}

${msg("gfmisRegistrationRejectedNext")}
</#if>

${msg("gfmisNotYou")}
