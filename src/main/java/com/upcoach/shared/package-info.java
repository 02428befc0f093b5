/**
 * Value types every module may use. No Spring beans live here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.upcoach.shared;
