<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${kcSanitize(msg("gfmisRegistrationOtpBody", otp, reference, expiresAt, lifetimeMinutes?c, userId))?no_esc}</p>
<p style="font-size:24px;font-weight:bold;letter-spacing:4px" id="gfmis-otp">${otp}</p>
<p>${msg("gfmisNotYou")}</p>
</@layout.emailLayout>
