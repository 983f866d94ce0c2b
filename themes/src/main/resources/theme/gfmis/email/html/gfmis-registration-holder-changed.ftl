<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("gfmisRegistrationHolderChangedBody", username, at)}</p>
<p>${msg("gfmisNotYou")}</p>
</@layout.emailLayout>
